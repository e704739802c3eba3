package dev.greenlight.gate.decision;

import java.util.Locale;

/** The outcome of a decision; precedence is deny over pending over allow. */
public enum Verdict {
  ALLOW,
  PENDING,
  DENY;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
