package dev.greenlight.gate.decision;

import java.time.Duration;
import java.time.Instant;

/**
 * One instance's latest agent report, reduced to what a decision needs.
 *
 * @param receivedAt when the gate stored it; freshness is judged by the gate's clock so that an
 *     agent's clock skew cannot keep a dead instance counting
 * @param digest {@code sha256:<hex>} of the stored report body
 */
public record AgentObservation(
    String instanceId,
    Slot slot,
    String release,
    WarmupVerdict warmup,
    SessionStorage sessionStorage,
    long activeSessions,
    String sessionManager,
    String digest,
    Instant observedAt,
    Instant receivedAt) {

  public Instant expiresAt(Duration ttl) {
    return receivedAt.plus(ttl);
  }

  public boolean freshAt(Instant now, Duration ttl) {
    return !now.isAfter(expiresAt(ttl));
  }
}
