package dev.greenlight.linter.rules.facts;

import dev.greenlight.linter.ddl.QualifiedName;

/**
 * A lock a statement takes on a table (or materialized view).
 *
 * @param table the locked relation
 * @param mode the strongest mode the statement takes on it
 */
public record TableLock(QualifiedName table, LockMode mode) {}
