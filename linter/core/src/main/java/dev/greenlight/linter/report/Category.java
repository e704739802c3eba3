package dev.greenlight.linter.report;

import java.util.Locale;

/** The section of the rule catalogue a rule stands in. */
public enum Category {
  /** Blocks traffic or rewrites a table on the live database. */
  LOCK,
  /** Breaks the release that is still running, or the switch back to it. */
  COMPAT,
  /** The migration fails or misbehaves at run time (transactions, Flyway rules). */
  RUNNER,
  /** Future pain. */
  HYGIENE,
  /** About the analysis itself. */
  META,
  /** Found by {@code verify} on a real server. */
  OBSERVED;

  private final String id = name().toLowerCase(Locale.ROOT);

  public String id() {
    return id;
  }
}
