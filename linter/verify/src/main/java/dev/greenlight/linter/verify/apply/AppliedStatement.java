package dev.greenlight.linter.verify.apply;

import dev.greenlight.linter.verify.observe.StatementObservation;

/** A pending statement with what was observed while it ran. */
public record AppliedStatement(
    PendingMigration migration, PendingStatement statement, StatementObservation observation) {}
