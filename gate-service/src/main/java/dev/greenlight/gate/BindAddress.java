package dev.greenlight.gate;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address the gate listens on ({@code --bind}): an IP address or host name of this machine.
 * Checked before anything starts, so a typo is a one-line usage error rather than a bind failure
 * after the embedded PostgreSQL came up.
 */
public final class BindAddress {
  /** Every interface, IPv4 and IPv6 (the JVM maps the IPv4 wildcard to a dual-stack socket). */
  public static final String ALL_INTERFACES = "0.0.0.0";

  private static final Pattern DOTTED = Pattern.compile("[0-9.]+");

  private BindAddress() {}

  /**
   * The address to pass to the server, or an {@link IllegalArgumentException} whose message says
   * what is wrong with {@code value}.
   */
  public static String parse(String value) {
    String text = value.trim();
    if (text.startsWith("[") && text.endsWith("]")) {
      text = text.substring(1, text.length() - 1);
    }
    if (text.isEmpty()) {
      throw new IllegalArgumentException("--bind needs an IP address or host name, not ''");
    }
    // dotted digits that are not an IPv4 address would otherwise go to DNS as a host name
    if (DOTTED.matcher(text).matches() && !validIpv4(text)) {
      throw new IllegalArgumentException(
          "--bind '" + value + "' is not an IPv4 address (four numbers 0-255, like 127.0.0.1)");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(text);
    } catch (UnknownHostException | SecurityException e) {
      throw new IllegalArgumentException(
          "--bind '" + value + "' is neither an IP address nor a host name that resolves");
    }
    if (address.isAnyLocalAddress()) {
      return address instanceof Inet6Address ? "::" : ALL_INTERFACES;
    }
    boolean local;
    try {
      local = NetworkInterface.getByInetAddress(address) != null;
    } catch (SocketException e) {
      local = false;
    }
    if (!local) {
      throw new IllegalArgumentException(
          "--bind "
              + address.getHostAddress()
              + (text.equals(address.getHostAddress()) ? "" : " ('" + value + "')")
              + " is not an address of this machine (its addresses: "
              + String.join(", ", localAddresses())
              + ")");
    }
    return address.getHostAddress();
  }

  /** {@code host:port} for a URL: IPv6 literals in brackets. */
  public static String hostForUrl(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  private static boolean validIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  private static List<String> localAddresses() {
    List<String> addresses = new ArrayList<>();
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress a : Collections.list(nif.getInetAddresses())) {
          String host = a.getHostAddress();
          int scope = host.indexOf('%');
          addresses.add(scope < 0 ? host : host.substring(0, scope));
        }
      }
    } catch (SocketException e) {
      addresses.add("unknown: " + e.getMessage());
    }
    return addresses;
  }
}
