package dev.greenlight.gate.audit;

/**
 * The result of re-computing the whole chain.
 *
 * @param brokenAt the seq of the first event whose link or hash does not match, or null
 */
public record AuditVerification(
    boolean valid, long events, String headHash, Long brokenAt, String problem) {}
