package dev.greenlight.gate.router;

import dev.greenlight.gate.decision.Slot;

/** Points a router at one slot. Implementations never throw: failures come back as results. */
public interface RouterDriver {

  /** A short name for the audit and the answer: {@code haproxy}, {@code command}. */
  String type();

  FlipResult flip(Slot to);

  /** What the router said or did. */
  record FlipResult(boolean ok, String message) {}
}
