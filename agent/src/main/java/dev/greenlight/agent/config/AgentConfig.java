package dev.greenlight.agent.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The agent's validated options. Precedence: agent argument, then system property {@code
 * greenlight.<key>}, then environment variable {@code GREENLIGHT_<KEY>}, then the default.
 */
public final class AgentConfig {
  // Where a value came from, for error messages.
  private static final int ARGUMENT = 0;
  private static final int PROPERTY = 1;
  private static final int ENVIRONMENT = 2;
  private static final int DEFAULT = 3;

  private final Map<ConfigKey, String> values;

  private AgentConfig(Map<ConfigKey, String> values) {
    this.values = values;
  }

  /** Reads the options of this JVM. */
  public static AgentConfig load(String agentArgs) throws InvalidConfigException {
    return load(agentArgs, null, null);
  }

  /**
   * Reads options from the given sources (tests pass their own; null means the JVM's system
   * properties and environment). Defaults are not re-checked (a test checks them all), and the
   * description of a value's source is only spelled out for an error: premain runs cold, in the
   * interpreter, on the host's start-up.
   */
  public static AgentConfig load(
      String agentArgs, Function<String, String> systemProperties, Function<String, String> env)
      throws InvalidConfigException {
    Map<ConfigKey, String> fromArgs = parseAgentArgs(agentArgs);
    Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
    for (ConfigKey key : ConfigKey.values()) {
      String value = fromArgs.get(key);
      int source = ARGUMENT;
      if (value == null) {
        value =
            blankToNull(
                systemProperties == null
                    ? System.getProperty(key.systemProperty())
                    : systemProperties.apply(key.systemProperty()));
        source = PROPERTY;
      }
      if (value == null) {
        value =
            blankToNull(
                env == null
                    ? System.getenv(key.environmentVariable())
                    : env.apply(key.environmentVariable()));
        source = ENVIRONMENT;
      }
      if (value != null) {
        values.put(key, validate(key, value.trim(), source));
      } else if (key.defaultValue() != null) {
        values.put(key, key.defaultValue());
      }
    }
    AgentConfig config = new AgentConfig(values);
    config.checkCombination();
    return config;
  }

  private static String describe(ConfigKey key, int source) {
    switch (source) {
      case ARGUMENT:
        return "agent argument '" + key.key() + "'";
      case PROPERTY:
        return "system property " + key.systemProperty();
      case ENVIRONMENT:
        return "environment variable " + key.environmentVariable();
      default:
        return "default of '" + key.key() + "'";
    }
  }

  /** Checks a default as if it had been given (tests: every default must pass). */
  static String validateDefault(ConfigKey key) throws InvalidConfigException {
    return validate(key, key.defaultValue(), DEFAULT);
  }

  private static Map<ConfigKey, String> parseAgentArgs(String agentArgs)
      throws InvalidConfigException {
    Map<ConfigKey, String> result = new EnumMap<>(ConfigKey.class);
    if (agentArgs == null || agentArgs.isBlank()) {
      return result;
    }
    for (String part : agentArgs.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new InvalidConfigException(
            "agent argument '" + part.trim() + "' is not key=value (e.g. app=shop,env=prod)");
      }
      String name = part.substring(0, eq).trim();
      ConfigKey key = ConfigKey.forKey(name);
      if (key == null) {
        throw new InvalidConfigException(
            "unknown agent argument '" + name + "' (known: " + knownKeys() + ")");
      }
      if (result.containsKey(key)) {
        throw new InvalidConfigException("agent argument '" + name + "' is given twice");
      }
      result.put(key, part.substring(eq + 1).trim());
    }
    return result;
  }

  private static String knownKeys() {
    List<String> names = new ArrayList<>();
    for (ConfigKey k : ConfigKey.values()) {
      names.add(k.key());
    }
    return String.join(", ", names);
  }

  private static String validate(ConfigKey key, String value, int from)
      throws InvalidConfigException {
    switch (key.check()) {
      case ConfigKey.Check.NAME:
        if (!isName(value)) {
          throw new InvalidConfigException(
              describe(key, from)
                  + " = '"
                  + value
                  + "' must be letters, digits, '.', '_' or '-' (at most 128, no spaces)");
        }
        return value;
      case ConfigKey.Check.PORT:
        integer(value, key, from, 0, 65535);
        return value;
      case ConfigKey.Check.HOST:
        if (value.isEmpty() || value.contains("/") || value.contains(" ")) {
          throw new InvalidConfigException(
              describe(key, from) + " = '" + value + "' is not a host address");
        }
        return value;
      case ConfigKey.Check.URL:
        return gateUrl(value, key, from);
      case ConfigKey.Check.TOKEN:
        if (value.isEmpty() || !printableAsciiWithoutSpaces(value)) {
          throw new InvalidConfigException(
              describe(key, from) + " must be printable ASCII without spaces");
        }
        return value;
      case ConfigKey.Check.BOOLEAN:
        if (!value.equals("true") && !value.equals("false")) {
          throw new InvalidConfigException(
              describe(key, from) + " = '" + value + "' must be true or false");
        }
        return value;
      case ConfigKey.Check.TEXT:
        return value;
      case ConfigKey.Check.SECONDS:
        integer(value, key, from, 1, 3600);
        return value;
      case ConfigKey.Check.START_DELAY:
        integer(value, key, from, 0, 300);
        return value;
      case ConfigKey.Check.DECIMAL:
        decimal(value, key, from);
        return value;
      default:
        integer(value, key, from, 0, Integer.MAX_VALUE);
        return value;
    }
  }

  private static int integer(String value, ConfigKey key, int from, int min, int max)
      throws InvalidConfigException {
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new InvalidConfigException(
          describe(key, from)
              + " = '"
              + value
              + "' must be a whole number from "
              + min
              + " to "
              + max);
    }
  }

  private static double decimal(String value, ConfigKey key, int from)
      throws InvalidConfigException {
    try {
      double d = Double.parseDouble(value);
      if (!(d >= 0) || Double.isInfinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new InvalidConfigException(
          describe(key, from) + " = '" + value + "' must be a number of at least 0");
    }
  }

  private static String gateUrl(String value, ConfigKey key, int from)
      throws InvalidConfigException {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null) {
        throw new URISyntaxException(value, "needs http:// or https:// and a host");
      }
      return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    } catch (URISyntaxException e) {
      throw new InvalidConfigException(
          describe(key, from) + " = '" + value + "' is not an http(s) URL (e.g. http://gate:8470)");
    }
  }

  private void checkCombination() throws InvalidConfigException {
    if (gate() != null) {
      for (ConfigKey k : new ConfigKey[] {ConfigKey.APP, ConfigKey.ENV, ConfigKey.RELEASE}) {
        if (values.get(k) == null) {
          throw new InvalidConfigException(
              "gate is set but '"
                  + k.key()
                  + "' is missing (agent argument, "
                  + k.systemProperty()
                  + " or "
                  + k.environmentVariable()
                  + ")");
        }
      }
    }
  }

  /**
   * {@code [A-Za-z0-9][A-Za-z0-9._-]{0,127}}, checked by hand: compiling a regex in premain would
   * bootstrap the JDK's lambda machinery in the host's start-up.
   */
  static boolean isName(String value) {
    if (value.isEmpty() || value.length() > 128) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean alphanumeric =
          (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!alphanumeric && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean printableAsciiWithoutSpaces(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c > '~') {
        return false;
      }
    }
    return true;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  public String get(ConfigKey key) {
    return values.get(key);
  }

  public int getInt(ConfigKey key) {
    return Integer.parseInt(values.get(key));
  }

  public double getDouble(ConfigKey key) {
    return Double.parseDouble(values.get(key));
  }

  public boolean enabled() {
    return Boolean.parseBoolean(values.get(ConfigKey.ENABLED));
  }

  public String app() {
    return values.get(ConfigKey.APP);
  }

  public String env() {
    return values.get(ConfigKey.ENV);
  }

  public String slot() {
    return values.get(ConfigKey.SLOT);
  }

  public String release() {
    return values.get(ConfigKey.RELEASE);
  }

  /** The instance id: configured, else host name and process id. */
  public String instance() {
    String configured = values.get(ConfigKey.INSTANCE);
    return configured != null ? configured : hostName() + "-" + ProcessHandle.current().pid();
  }

  public int port() {
    return getInt(ConfigKey.PORT);
  }

  public String bind() {
    return values.get(ConfigKey.BIND);
  }

  /** The gate's base URL without a trailing slash, or null when reports are not pushed. */
  public String gate() {
    return values.get(ConfigKey.GATE);
  }

  public String token() {
    return values.get(ConfigKey.TOKEN);
  }

  /** Extra driver package prefixes whose JDBC classes are instrumented. */
  public List<String> extraDriverPackages() {
    String raw = values.get(ConfigKey.SQL_DRIVER_PACKAGES);
    List<String> result = new ArrayList<>();
    if (raw != null) {
      // Separators ';', ':' or ' ', split by hand (no regex in premain).
      int start = 0;
      for (int i = 0; i <= raw.length(); i++) {
        if (i == raw.length()
            || raw.charAt(i) == ';'
            || raw.charAt(i) == ':'
            || raw.charAt(i) == ' ') {
          String p = raw.substring(start, i).trim();
          if (!p.isEmpty()) {
            result.add(p);
          }
          start = i + 1;
        }
      }
    }
    return Collections.unmodifiableList(result);
  }

  private static String hostName() {
    // Cheap sources first: a DNS lookup must not delay the host's start.
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env.trim();
    }
    try {
      Path etc = Path.of("/etc/hostname");
      if (Files.isReadable(etc)) {
        String s = new String(Files.readAllBytes(etc), StandardCharsets.UTF_8).trim();
        if (!s.isEmpty()) {
          return s;
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // fall through to the resolver
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
