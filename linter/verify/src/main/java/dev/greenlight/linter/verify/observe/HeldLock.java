package dev.greenlight.linter.verify.observe;

/**
 * A relation lock seen in {@code pg_locks} for the migration's backend.
 *
 * @param relationOid {@code pg_locks.relation}
 * @param granted false while the statement still waits for it
 */
public record HeldLock(long relationOid, LockMode mode, boolean granted) {}
