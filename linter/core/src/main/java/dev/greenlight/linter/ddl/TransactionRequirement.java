package dev.greenlight.linter.ddl;

import dev.greenlight.linter.ddl.AlterTableAction.DetachPartition;

/** Which statements PostgreSQL refuses to run inside a transaction block. */
public final class TransactionRequirement {
  private TransactionRequirement() {}

  /**
   * Why {@code statement} cannot run inside a transaction block on PostgreSQL {@code pgVersion},
   * e.g. {@code "CREATE INDEX CONCURRENTLY"}; null when it can.
   */
  public static String cannotRunInTransaction(Statement statement, int pgVersion) {
    if (statement instanceof CreateIndex) {
      return ((CreateIndex) statement).concurrently() ? "CREATE INDEX CONCURRENTLY" : null;
    }
    if (statement instanceof DropStatement) {
      DropStatement d = (DropStatement) statement;
      if (d.concurrently()) {
        return "DROP INDEX CONCURRENTLY";
      }
      switch (d.objectKind()) {
        case DATABASE:
          return "DROP DATABASE";
        case TABLESPACE:
          return "DROP TABLESPACE";
        case SUBSCRIPTION:
          return "DROP SUBSCRIPTION";
        default:
          return null;
      }
    }
    if (statement instanceof Reindex) {
      Reindex r = (Reindex) statement;
      if (r.concurrently()) {
        return "REINDEX CONCURRENTLY";
      }
      if (r.target().equals("SYSTEM")
          || r.target().equals("DATABASE")
          || r.target().equals("SCHEMA")) {
        return "REINDEX " + r.target();
      }
      return null;
    }
    if (statement instanceof Vacuum) {
      return "VACUUM";
    }
    if (statement instanceof AlterTable) {
      for (AlterTableAction a : ((AlterTable) statement).actions()) {
        if (a instanceof DetachPartition && ((DetachPartition) a).concurrently()) {
          return "DETACH PARTITION CONCURRENTLY";
        }
      }
      return null;
    }
    if (statement instanceof AlterType) {
      AlterType t = (AlterType) statement;
      return t.operation() == AlterType.Operation.ADD_VALUE && pgVersion < 12
          ? "ALTER TYPE ... ADD VALUE (before PostgreSQL 12)"
          : null;
    }
    if (statement instanceof OtherStatement) {
      OtherStatement o = (OtherStatement) statement;
      return o.requiresNoTransaction() ? o.command() : null;
    }
    return null;
  }
}
