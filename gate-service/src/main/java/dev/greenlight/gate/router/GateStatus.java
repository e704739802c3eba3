package dev.greenlight.gate.router;

import dev.greenlight.gate.store.LiveState;
import java.time.Instant;
import java.util.List;

/**
 * An app/env's switch state.
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
    List<String> rollbackReasons) {

  public boolean rollbackAdvised() {
    return !rollbackReasons.isEmpty();
  }
}
