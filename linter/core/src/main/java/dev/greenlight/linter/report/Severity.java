package dev.greenlight.linter.report;

import java.util.Locale;

/** How much a finding matters; {@code OFF} disables a rule. Ordered from most to least severe. */
public enum Severity {
  ERROR,
  WARNING,
  INFO,
  OFF;

  private final String id = name().toLowerCase(Locale.ROOT);

  /** The lower-case name used in reports and configuration ({@code error}, {@code warning}, …). */
  public String id() {
    return id;
  }

  /** True when this severity is at or above {@code level} (ERROR is above WARNING). */
  public boolean atLeast(Severity level) {
    return this != OFF && ordinal() <= level.ordinal();
  }

  /** Parses {@code error|warning|info|off}, case-insensitive; null when unknown. */
  public static Severity parse(String text) {
    if (text == null) {
      return null;
    }
    for (Severity s : values()) {
      if (s.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    return null;
  }
}
