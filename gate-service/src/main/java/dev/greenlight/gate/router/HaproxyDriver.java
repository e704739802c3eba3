package dev.greenlight.gate.router;

import dev.greenlight.gate.config.RouterSettings;
import dev.greenlight.gate.decision.Slot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Flips HAProxy through its runtime API on the admin socket: the target slot's servers go to {@code
 * ready} first, then the old slot's servers to {@code drain} (or {@code maint}). One command per
 * connection, as HAProxy's non-interactive mode expects; an empty answer means success.
 */
public final class HaproxyDriver implements RouterDriver {
  private final RouterSettings.Haproxy settings;

  public HaproxyDriver(RouterSettings.Haproxy settings) {
    this.settings = settings;
  }

  @Override
  public String type() {
    return "haproxy";
  }

  @Override
  public FlipResult flip(Slot to) {
    List<String> done = new ArrayList<>();
    List<String> commands = new ArrayList<>();
    for (String server : settings.servers().get(to)) {
      commands.add("set server " + settings.backend() + "/" + server + " state ready");
    }
    for (String server : settings.servers().get(to.other())) {
      commands.add(
          "set server " + settings.backend() + "/" + server + " state " + settings.retireState());
    }
    for (String command : commands) {
      String answer;
      try {
        answer = send(command).trim();
      } catch (IOException e) {
        return new FlipResult(
            false,
            "haproxy socket "
                + settings.socket()
                + ": "
                + e.getMessage()
                + " (after: "
                + done
                + ")");
      }
      if (!answer.isEmpty()) {
        return new FlipResult(
            false, "'" + command + "' answered: " + answer + " (after: " + done + ")");
      }
      done.add(command);
    }
    return new FlipResult(true, String.join("; ", done));
  }

  private String send(String command) throws IOException {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(settings.socket()));
      ByteBuffer out = ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII));
      while (out.hasRemaining()) {
        ch.write(out);
      }
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      ByteBuffer in = ByteBuffer.allocate(4096);
      while (ch.read(in) >= 0 && answer.size() < 65536) {
        in.flip();
        answer.write(in.array(), 0, in.limit());
        in.clear();
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }
}
