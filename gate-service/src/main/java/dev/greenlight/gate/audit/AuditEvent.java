package dev.greenlight.gate.audit;

import java.time.Instant;

/**
 * One entry of the append-only audit trail.
 *
 * @param kind what happened: {@code lint-report}, {@code verify-report}, {@code sql}, {@code
 *     agent-report}, {@code decision}, {@code switch}, {@code switch-back}, {@code router}, {@code
 *     override}, {@code codedeploy}
 * @param subject what it is about: a decision id, an instance id, an override id
 * @param inputDigest digest of the inputs (the stored body or the decision's canonical inputs)
 * @param detail canonical JSON with the particulars
 * @param previousHash the hash of the event before (64 zeros for the first)
 * @param hash SHA-256 over the previous hash and every field above
 */
public record AuditEvent(
    long seq,
    Instant at,
    String actor,
    String kind,
    String app,
    String environment,
    String release,
    String subject,
    String inputDigest,
    String detail,
    String previousHash,
    String hash) {}
