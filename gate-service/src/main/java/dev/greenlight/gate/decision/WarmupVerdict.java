package dev.greenlight.gate.decision;

import java.util.Optional;

/** What an agent says about its JVM's warm-up, as in the agent report contract. */
public enum WarmupVerdict {
  WARM,
  WARMING,
  NO_STEADY_STATE,
  DEGRADED,
  INSUFFICIENT_DATA;

  /** True for the verdicts that will not improve by waiting. */
  public boolean failed() {
    return this == NO_STEADY_STATE || this == DEGRADED;
  }

  public static Optional<WarmupVerdict> parse(String text) {
    for (WarmupVerdict v : values()) {
      if (v.name().equals(text)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
