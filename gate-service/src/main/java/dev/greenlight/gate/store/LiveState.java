package dev.greenlight.gate.store;

import dev.greenlight.gate.decision.Slot;
import java.time.Instant;

/**
 * Which slot of an app/env takes traffic.
 *
 * @param previous the slot that was live before the last switch, or null before any switch
 * @param switchedAt when the last switch happened, or null before any switch
 * @param revision bumped by every switch; the compare-and-set token
 */
public record LiveState(
    Slot live,
    Slot previous,
    Instant switchedAt,
    String decisionId,
    String release,
    long revision) {

  public static LiveState initial(Slot live) {
    return new LiveState(live, null, null, null, null, 0);
  }
}
