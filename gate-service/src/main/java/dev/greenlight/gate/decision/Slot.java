package dev.greenlight.gate.decision;

import java.util.Locale;
import java.util.Optional;

/** One of the two identical environments behind the router. */
public enum Slot {
  BLUE,
  GREEN;

  /** The name on the wire and in gate.yaml: {@code blue} or {@code green}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Slot other() {
    return this == BLUE ? GREEN : BLUE;
  }

  /** Parses {@code blue} or {@code green} (exact lower case), empty for anything else. */
  public static Optional<Slot> parse(String text) {
    if ("blue".equals(text)) {
      return Optional.of(BLUE);
    }
    if ("green".equals(text)) {
      return Optional.of(GREEN);
    }
    return Optional.empty();
  }
}
