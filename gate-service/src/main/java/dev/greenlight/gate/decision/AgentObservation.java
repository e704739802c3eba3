package dev.greenlight.gate.decision;

import java.time.Duration;
import java.time.Instant;

/**
 * One instance's latest agent report, reduced to what a decision needs.
 *
 * @param receivedAt when the gate stored it; freshness is judged by the gate's clock so that an
 *     agent's clock skew cannot keep a dead instance counting
 * @param digest {@code sha256:<hex>} of the stored report body
 * @param configuredStorage the kind of session manager the server has ({@code
 *     sessions.configuredStorage}), which {@code sessionStorage} only shows once a session exists;
 *     null when the agent did not say (older agents)
 * @param stopping the instance's last report, sent from its JVM shutdown hook: from then on it
 *     counts neither as fresh nor as stale
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
    Instant receivedAt,
    SessionStorage configuredStorage,
    boolean stopping) {

  /** A running instance's report from an agent that does not name its configured storage. */
  public AgentObservation(
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
    this(
        instanceId,
        slot,
        release,
        warmup,
        sessionStorage,
        activeSessions,
        sessionManager,
        digest,
        observedAt,
        receivedAt,
        null,
        false);
  }

  public Instant expiresAt(Duration ttl) {
    return receivedAt.plus(ttl);
  }

  /** Counts as evidence now: younger than the TTL and not the instance's shutdown report. */
  public boolean freshAt(Instant now, Duration ttl) {
    return !stopping && !now.isAfter(expiresAt(ttl));
  }

  /** Went quiet without saying goodbye: older than the TTL, state unknown. */
  public boolean staleAt(Instant now, Duration ttl) {
    return !stopping && now.isAfter(expiresAt(ttl));
  }

  /** The instance shows that the app uses HTTP sessions (a session store in use, or sessions). */
  public boolean usesSessions() {
    return sessionStorage != SessionStorage.NONE || activeSessions > 0;
  }
}
