package dev.greenlight.gate.store;

import dev.greenlight.gate.audit.AuditEvent;

/** The result of asking the store to move the live slot. */
public sealed interface SwitchOutcome {
  /** The switch is recorded; {@code event} is its audit entry. */
  record Switched(LiveState before, LiveState after, AuditEvent event) implements SwitchOutcome {}

  /** Nothing changed: another switch won, or the slot is already live. */
  record Conflict(String why, LiveState current) implements SwitchOutcome {}
}
