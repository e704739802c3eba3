package dev.greenlight.gate.router;

import dev.greenlight.gate.store.LiveState;
import java.time.Instant;
import java.util.List;

/**
 * An app/env's switch state, and the instances its agents report.
 *
 * @param insuranceWindowEndsAt when the old slot may go, or null before any switch
 * @param rollbackReasons why switching back is advised (empty when it is not)
 */
public record GateStatus(
    String app,
    String environment,
    LiveState state,
    Instant insuranceWindowEndsAt,
    boolean decommissionAllowed,
    List<String> rollbackReasons,
    List<Instance> instances) {

  /**
   * An instance whose latest agent report decisions still consider.
   *
   * @param state {@code fresh} (counts), {@code stale} (older than the TTL: state unknown) or
   *     {@code stopped} (sent its shutdown report)
   */
  public record Instance(
      String instanceId, String slot, String release, String state, Instant reportedAt) {}

  public boolean rollbackAdvised() {
    return !rollbackReasons.isEmpty();
  }
}
