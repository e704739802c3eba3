package dev.greenlight.gate.decision;

import java.time.Instant;
import java.util.Set;

/**
 * An approver's override: it waives the named reason codes for one release until it expires.
 *
 * @param id the store's identifier, cited as {@code o-<id>}
 */
public record Waiver(
    long id,
    String release,
    Set<ReasonCode> waives,
    String reason,
    Instant expiresAt,
    String approver,
    Instant createdAt) {

  public Waiver {
    waives = Set.copyOf(waives);
  }

  public String citation() {
    return "o-" + id;
  }

  public boolean activeAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}
