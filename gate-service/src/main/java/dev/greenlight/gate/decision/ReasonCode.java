package dev.greenlight.gate.decision;

import java.util.Optional;

/** The fixed reason codes of the decision table, each with the verdict it implies. */
public enum ReasonCode {
  MIGRATION_UNSAFE(Verdict.DENY),
  SESSIONS_IN_MEMORY(Verdict.DENY),
  SESSIONS_AT_RISK(Verdict.DENY),
  WARMUP_FAILED(Verdict.DENY),
  LINT_MISSING(Verdict.PENDING),
  VERIFY_MISSING(Verdict.PENDING),
  TOO_FEW_INSTANCES(Verdict.PENDING),
  NOT_WARM(Verdict.PENDING),
  EVIDENCE_STALE(Verdict.PENDING),
  CANDIDATE_AMBIGUOUS(Verdict.PENDING);

  private final Verdict verdict;

  ReasonCode(Verdict verdict) {
    this.verdict = verdict;
  }

  public Verdict verdict() {
    return verdict;
  }

  public static Optional<ReasonCode> parse(String text) {
    for (ReasonCode c : values()) {
      if (c.name().equals(text)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
