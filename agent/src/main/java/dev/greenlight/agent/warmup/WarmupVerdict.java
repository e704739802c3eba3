package dev.greenlight.agent.warmup;

/** The warm-up verdicts of the agent report contract. */
public enum WarmupVerdict {
  WARM,
  WARMING,
  NO_STEADY_STATE,
  DEGRADED,
  INSUFFICIENT_DATA
}
