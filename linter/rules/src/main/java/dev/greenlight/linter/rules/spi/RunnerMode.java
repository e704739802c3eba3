package dev.greenlight.linter.rules.spi;

import java.util.Locale;

/** How the migration runner wraps files in transactions ({@code runner} in greenlight.toml). */
public enum RunnerMode {
  /**
   * Flyway's default: each file runs in one transaction unless it holds statements that cannot run
   * in one; a file mixing both is refused unless {@code mixed=true}.
   */
  FLYWAY("flyway"),
  /** Every file is wrapped in a transaction, whatever it holds. */
  FLYWAY_ALWAYS_TRANSACTIONAL("flyway-always-transactional"),
  /** No implicit transaction: only explicit {@code BEGIN … COMMIT} groups statements. */
  AUTOCOMMIT("autocommit");

  private final String id;

  RunnerMode(String id) {
    this.id = id;
  }

  /** The configuration spelling, e.g. {@code flyway-always-transactional}. */
  public String id() {
    return id;
  }

  /** Parses the configuration spelling (case-insensitive); null when unknown. */
  public static RunnerMode parse(String text) {
    if (text == null) {
      return null;
    }
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    for (RunnerMode mode : values()) {
      if (mode.id.equals(wanted)) {
        return mode;
      }
    }
    return null;
  }
}
