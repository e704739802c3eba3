package dev.greenlight.agent.config;

/**
 * Every option the agent understands, with its default (null when there is none), its system
 * property and environment variable spelled out (nothing is computed in the host's premain), and
 * how its value is checked.
 */
public enum ConfigKey {
  APP("app", null, "greenlight.app", "GREENLIGHT_APP", Check.NAME),
  ENV("env", null, "greenlight.env", "GREENLIGHT_ENV", Check.NAME),
  SLOT("slot", null, "greenlight.slot", "GREENLIGHT_SLOT", Check.NAME),
  RELEASE("release", null, "greenlight.release", "GREENLIGHT_RELEASE", Check.NAME),
  INSTANCE("instance", null, "greenlight.instance", "GREENLIGHT_INSTANCE", Check.NAME),
  PORT("port", "9490", "greenlight.port", "GREENLIGHT_PORT", Check.PORT),
  BIND("bind", "127.0.0.1", "greenlight.bind", "GREENLIGHT_BIND", Check.HOST),
  GATE("gate", null, "greenlight.gate", "GREENLIGHT_GATE", Check.URL),
  TOKEN("token", null, "greenlight.token", "GREENLIGHT_TOKEN", Check.TOKEN),
  ENABLED("enabled", "true", "greenlight.enabled", "GREENLIGHT_ENABLED", Check.BOOLEAN),
  PUSH_INTERVAL(
      "push-interval", "5", "greenlight.push-interval", "GREENLIGHT_PUSH_INTERVAL", Check.SECONDS),
  PUSH_MAX_BACKOFF(
      "push-max-backoff",
      "60",
      "greenlight.push-max-backoff",
      "GREENLIGHT_PUSH_MAX_BACKOFF",
      Check.SECONDS),
  SQL_MAX("sql-max", "2000", "greenlight.sql-max", "GREENLIGHT_SQL_MAX", Check.COUNT),
  SQL_MAX_LENGTH(
      "sql-max-length",
      "10000",
      "greenlight.sql-max-length",
      "GREENLIGHT_SQL_MAX_LENGTH",
      Check.COUNT),
  SQL_MAX_CHARS(
      "sql-max-chars",
      "1000000",
      "greenlight.sql-max-chars",
      "GREENLIGHT_SQL_MAX_CHARS",
      Check.COUNT),
  SQL_DRIVER_PACKAGES(
      "sql-driver-packages",
      "",
      "greenlight.sql-driver-packages",
      "GREENLIGHT_SQL_DRIVER_PACKAGES",
      Check.TEXT),
  START_DELAY(
      "start-delay", "10", "greenlight.start-delay", "GREENLIGHT_START_DELAY", Check.START_DELAY),
  SESSION_SCAN_INTERVAL(
      "session-scan-interval",
      "5",
      "greenlight.session-scan-interval",
      "GREENLIGHT_SESSION_SCAN_INTERVAL",
      Check.SECONDS),
  SESSION_SAMPLE(
      "session-sample",
      "32",
      "greenlight.session-sample",
      "GREENLIGHT_SESSION_SAMPLE",
      Check.COUNT),
  WARMUP_MIN_UPTIME(
      "warmup-min-uptime",
      "10",
      "greenlight.warmup-min-uptime",
      "GREENLIGHT_WARMUP_MIN_UPTIME",
      Check.COUNT),
  WARMUP_MIN_REQUESTS(
      "warmup-min-requests",
      "100",
      "greenlight.warmup-min-requests",
      "GREENLIGHT_WARMUP_MIN_REQUESTS",
      Check.COUNT),
  WARMUP_MIN_REQUESTS_PER_SECOND(
      "warmup-min-requests-per-second",
      "3",
      "greenlight.warmup-min-requests-per-second",
      "GREENLIGHT_WARMUP_MIN_REQUESTS_PER_SECOND",
      Check.COUNT),
  WARMUP_STABLE_SECONDS(
      "warmup-stable-seconds",
      "30",
      "greenlight.warmup-stable-seconds",
      "GREENLIGHT_WARMUP_STABLE_SECONDS",
      Check.COUNT),
  WARMUP_WINDOW(
      "warmup-window", "120", "greenlight.warmup-window", "GREENLIGHT_WARMUP_WINDOW", Check.COUNT),
  WARMUP_MAX_JIT_MS_PER_SEC(
      "warmup-max-jit-ms-per-sec",
      "15",
      "greenlight.warmup-max-jit-ms-per-sec",
      "GREENLIGHT_WARMUP_MAX_JIT_MS_PER_SEC",
      Check.DECIMAL),
  WARMUP_MAX_CLASSES_PER_SEC(
      "warmup-max-classes-per-sec",
      "20",
      "greenlight.warmup-max-classes-per-sec",
      "GREENLIGHT_WARMUP_MAX_CLASSES_PER_SEC",
      Check.DECIMAL),
  WARMUP_MAX_GC_PCT(
      "warmup-max-gc-pct",
      "20",
      "greenlight.warmup-max-gc-pct",
      "GREENLIGHT_WARMUP_MAX_GC_PCT",
      Check.DECIMAL),
  WARMUP_MAX_THROTTLED_PCT(
      "warmup-max-throttled-pct",
      "25",
      "greenlight.warmup-max-throttled-pct",
      "GREENLIGHT_WARMUP_MAX_THROTTLED_PCT",
      Check.DECIMAL),
  WARMUP_CODE_CACHE_FULL_PCT(
      "warmup-code-cache-full-pct",
      "95",
      "greenlight.warmup-code-cache-full-pct",
      "GREENLIGHT_WARMUP_CODE_CACHE_FULL_PCT",
      Check.DECIMAL),
  WARMUP_MIN_SHIFT_PCT(
      "warmup-min-shift-pct",
      "15",
      "greenlight.warmup-min-shift-pct",
      "GREENLIGHT_WARMUP_MIN_SHIFT_PCT",
      Check.DECIMAL),
  WARMUP_MIN_SHIFT_MS(
      "warmup-min-shift-ms",
      "1",
      "greenlight.warmup-min-shift-ms",
      "GREENLIGHT_WARMUP_MIN_SHIFT_MS",
      Check.DECIMAL),
  WARMUP_SLOWDOWN_PCT(
      "warmup-slowdown-pct",
      "25",
      "greenlight.warmup-slowdown-pct",
      "GREENLIGHT_WARMUP_SLOWDOWN_PCT",
      Check.DECIMAL),
  WARMUP_MAX_CHANGEPOINTS(
      "warmup-max-changepoints",
      "4",
      "greenlight.warmup-max-changepoints",
      "GREENLIGHT_WARMUP_MAX_CHANGEPOINTS",
      Check.COUNT),
  WARMUP_GIVE_UP(
      "warmup-give-up",
      "600",
      "greenlight.warmup-give-up",
      "GREENLIGHT_WARMUP_GIVE_UP",
      Check.COUNT),
  WARMUP_RECORD(
      "warmup-record", null, "greenlight.warmup-record", "GREENLIGHT_WARMUP_RECORD", Check.TEXT);

  private final String key;
  private final String defaultValue;
  private final String systemProperty;
  private final String environmentVariable;
  private final int check;

  ConfigKey(
      String key,
      String defaultValue,
      String systemProperty,
      String environmentVariable,
      int check) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.systemProperty = systemProperty;
    this.environmentVariable = environmentVariable;
    this.check = check;
  }

  /** The name used in agent arguments, e.g. {@code push-interval}. */
  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  /** The system property, e.g. {@code greenlight.push-interval}. */
  public String systemProperty() {
    return systemProperty;
  }

  /** The environment variable, e.g. {@code GREENLIGHT_PUSH_INTERVAL}. */
  public String environmentVariable() {
    return environmentVariable;
  }

  /** How the value is checked: one of {@link Check}'s constants. */
  int check() {
    return check;
  }

  /** The key for an agent-argument name, or null when unknown. */
  public static ConfigKey forKey(String name) {
    for (ConfigKey k : values()) {
      if (k.key.equals(name)) {
        return k;
      }
    }
    return null;
  }

  /**
   * Value checks. Compile-time constants, inlined where used, so this class is never loaded (and a
   * switch on them needs no synthetic switch-map class, as one on an enum would).
   */
  static final class Check {
    static final int NAME = 0;
    static final int PORT = 1;
    static final int HOST = 2;
    static final int URL = 3;
    static final int TOKEN = 4;
    static final int BOOLEAN = 5;
    static final int TEXT = 6;
    static final int SECONDS = 7;
    static final int START_DELAY = 8;
    static final int DECIMAL = 9;
    static final int COUNT = 10;

    private Check() {}
  }
}
