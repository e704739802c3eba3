package dev.greenlight.linter.flyway;

import java.util.Locale;

/** How the migration runner wraps files in transactions ({@code runner} in greenlight.toml). */
public enum RunnerMode {
  /**
   * Flyway's default: one transaction per file, unless the file holds a statement that cannot run
   * in one (then the whole file runs without, which Flyway only allows with {@code mixed=true}).
   */
  FLYWAY("flyway"),
  /** Every file in one transaction, even when it holds statements that cannot run in one. */
  FLYWAY_ALWAYS_TRANSACTIONAL("flyway-always-transactional"),
  /** No implicit transaction: only explicit BEGIN ... COMMIT groups statements (psql-like). */
  AUTOCOMMIT("autocommit");

  private final String configName;

  RunnerMode(String configName) {
    this.configName = configName;
  }

  /** The name used in configuration files, e.g. {@code flyway-always-transactional}. */
  public String configName() {
    return configName;
  }

  /** The mode called {@code name} in configuration, or null when there is none. */
  public static RunnerMode fromConfigName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (RunnerMode m : values()) {
      if (m.configName.equals(n)) {
        return m;
      }
    }
    return null;
  }
}
