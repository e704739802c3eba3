package dev.greenlight.agent.config;

import java.util.Locale;

/** Every option the agent understands, with its default (null when there is none). */
public enum ConfigKey {
  APP("app", null),
  ENV("env", null),
  SLOT("slot", null),
  RELEASE("release", null),
  INSTANCE("instance", null),
  PORT("port", "9490"),
  BIND("bind", "127.0.0.1"),
  GATE("gate", null),
  TOKEN("token", null),
  ENABLED("enabled", "true"),
  PUSH_INTERVAL("push-interval", "5"),
  PUSH_MAX_BACKOFF("push-max-backoff", "60"),
  SQL_MAX("sql-max", "2000"),
  SQL_MAX_LENGTH("sql-max-length", "10000"),
  SQL_MAX_CHARS("sql-max-chars", "1000000"),
  SQL_DRIVER_PACKAGES("sql-driver-packages", ""),
  START_DELAY("start-delay", "10"),
  SESSION_SCAN_INTERVAL("session-scan-interval", "5"),
  SESSION_SAMPLE("session-sample", "32"),
  WARMUP_MIN_UPTIME("warmup-min-uptime", "10"),
  WARMUP_MIN_REQUESTS("warmup-min-requests", "100"),
  WARMUP_MIN_REQUESTS_PER_SECOND("warmup-min-requests-per-second", "3"),
  WARMUP_STABLE_SECONDS("warmup-stable-seconds", "30"),
  WARMUP_WINDOW("warmup-window", "120"),
  WARMUP_MAX_JIT_MS_PER_SEC("warmup-max-jit-ms-per-sec", "15"),
  WARMUP_MAX_CLASSES_PER_SEC("warmup-max-classes-per-sec", "20"),
  WARMUP_MAX_GC_PCT("warmup-max-gc-pct", "20"),
  WARMUP_MAX_THROTTLED_PCT("warmup-max-throttled-pct", "25"),
  WARMUP_CODE_CACHE_FULL_PCT("warmup-code-cache-full-pct", "95"),
  WARMUP_MIN_SHIFT_PCT("warmup-min-shift-pct", "15"),
  WARMUP_MIN_SHIFT_MS("warmup-min-shift-ms", "1"),
  WARMUP_SLOWDOWN_PCT("warmup-slowdown-pct", "25"),
  WARMUP_MAX_CHANGEPOINTS("warmup-max-changepoints", "4"),
  WARMUP_GIVE_UP("warmup-give-up", "600"),
  WARMUP_RECORD("warmup-record", null);

  private final String key;
  private final String defaultValue;

  ConfigKey(String key, String defaultValue) {
    this.key = key;
    this.defaultValue = defaultValue;
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
    return "greenlight." + key;
  }

  /** The environment variable, e.g. {@code GREENLIGHT_PUSH_INTERVAL}. */
  public String environmentVariable() {
    return "GREENLIGHT_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
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
}
