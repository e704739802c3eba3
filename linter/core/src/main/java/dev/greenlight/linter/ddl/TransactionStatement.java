package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;
import dev.greenlight.linter.sql.TransactionCommand;

/**
 * Transaction control: BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK, ABORT, savepoints,
 * two-phase commit.
 *
 * @param savepoint the savepoint of SAVEPOINT / RELEASE / ROLLBACK TO, else null
 */
public record TransactionStatement(TransactionCommand command, Name savepoint, Span span)
    implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.TRANSACTION_CONTROL;
  }
}
