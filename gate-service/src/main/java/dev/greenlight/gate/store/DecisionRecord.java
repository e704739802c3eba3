package dev.greenlight.gate.store;

import dev.greenlight.gate.decision.Slot;

/** A decision as recorded when it was first made: what it was about and its verdict. */
public record DecisionRecord(
    String decisionId, String app, String environment, String release, Slot slot, String verdict) {}
