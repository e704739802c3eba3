package dev.greenlight.gate.audit;

/**
 * Filters and paging for reading the audit trail; null filters match everything.
 *
 * @param afterSeq return events with a larger seq (paging cursor), 0 for the start
 */
public record AuditQuery(
    String app,
    String environment,
    String kind,
    String release,
    long afterSeq,
    int limit,
    boolean newestFirst) {}
