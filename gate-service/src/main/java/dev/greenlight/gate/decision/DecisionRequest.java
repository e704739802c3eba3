package dev.greenlight.gate.decision;

/**
 * What is being asked: may traffic move to {@code slot} running {@code release}?
 *
 * @param release null lets the fresh agents of the slot name the candidate
 * @param slot null means the slot that is not live
 */
public record DecisionRequest(String app, String environment, String release, Slot slot) {}
