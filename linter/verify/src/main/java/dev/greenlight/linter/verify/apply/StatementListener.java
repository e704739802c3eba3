package dev.greenlight.linter.verify.apply;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Called after each pending statement succeeded, on the migration's connection, while the schema is
 * exactly as the statement left it (its transaction may still be open).
 */
@FunctionalInterface
public interface StatementListener {
  void afterStatement(
      PendingMigration migration,
      PendingStatement statement,
      Connection connection,
      boolean inTransaction)
      throws SQLException;
}
