package dev.greenlight.gate.decision;

import java.util.Locale;
import java.util.Optional;

/** Severity of a lint or verify finding, ordered from least to most severe. */
public enum Severity {
  INFO,
  WARNING,
  ERROR;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code info}, {@code warning} or {@code error}. */
  public static Optional<Severity> parse(String text) {
    for (Severity s : values()) {
      if (s.wire().equals(text)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
