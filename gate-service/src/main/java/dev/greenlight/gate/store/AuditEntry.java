package dev.greenlight.gate.store;

import java.time.Instant;
import java.util.Map;

/** What a caller asks to append to the audit trail; the store adds seq and hashes. */
public record AuditEntry(
    Instant at,
    String actor,
    String kind,
    String app,
    String environment,
    String release,
    String subject,
    String inputDigest,
    Map<String, ?> detail) {}
