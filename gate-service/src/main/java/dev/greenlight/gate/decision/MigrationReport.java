package dev.greenlight.gate.decision;

import java.time.Instant;
import java.util.List;

/**
 * A lint or verify report stored as evidence for one release.
 *
 * @param digest {@code sha256:<hex>} of the stored report body
 */
public record MigrationReport(
    EvidenceKind kind, String release, String digest, List<Finding> findings, Instant receivedAt) {

  public MigrationReport {
    findings = List.copyOf(findings);
  }

  /** How this report is cited in a reason: {@code lint-report:1.4.2#sha256:…}. */
  public String citation() {
    return kind.wire() + "-report:" + release + "#" + digest;
  }
}
