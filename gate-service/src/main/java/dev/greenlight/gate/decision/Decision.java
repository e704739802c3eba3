package dev.greenlight.gate.decision;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The gate's answer for one app/env/release/slot.
 *
 * @param release the candidate release, or null when none could be determined
 * @param inputDigest digest of the canonical inputs the id is derived from
 */
public record Decision(
    String decisionId,
    String app,
    String environment,
    String release,
    Slot slot,
    Verdict verdict,
    List<Reason> reasons,
    EvidenceRefs evidence,
    String policyDigest,
    String inputDigest,
    Instant evaluatedAt,
    Instant validUntil) {

  public Decision {
    reasons = List.copyOf(reasons);
  }

  public boolean allowed() {
    return verdict == Verdict.ALLOW;
  }

  /** The codes of the reasons that count (not waived), comma-separated, for Argo's metric. */
  public String activeCodes() {
    return reasons.stream()
        .filter(r -> !r.waived())
        .map(r -> r.code().name())
        .distinct()
        .collect(Collectors.joining(","));
  }
}
