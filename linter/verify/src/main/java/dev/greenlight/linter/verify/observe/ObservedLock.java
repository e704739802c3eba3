package dev.greenlight.linter.verify.observe;

/**
 * A lock a statement took on a relation that existed before the pending migrations.
 *
 * @param relation the table (locks on indexes are reported on their table)
 */
public record ObservedLock(Relation relation, LockMode mode) {}
