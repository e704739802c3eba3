package dev.greenlight.linter.ddl;

/**
 * INSERT, UPDATE, DELETE, MERGE and SELECT: the DML a migration may carry (backfills, seed data).
 */
public sealed interface DataStatement extends Statement
    permits DataStatement.Insert,
        DataStatement.Update,
        DataStatement.Delete,
        DataStatement.Merge,
        DataStatement.Select {

  /** The target table (INSERT/UPDATE/DELETE/MERGE) or the first FROM table (SELECT), or null. */
  QualifiedName table();

  /**
   * Whether a predicate or a limit bounds the rows touched: a WHERE that is not trivially true, or
   * a LIMIT anywhere in the statement (the batched {@code WHERE id IN (SELECT ... LIMIT n)}).
   * INSERT ... VALUES counts as bounded; INSERT ... SELECT as the SELECT.
   */
  boolean bounded();

  /** {@code INSERT INTO t [(cols)] VALUES ...|SELECT ...|DEFAULT VALUES [ON CONFLICT ...]}. */
  record Insert(
      QualifiedName table,
      boolean fromQuery,
      boolean onConflict,
      boolean bounded,
      dev.greenlight.linter.sql.Span span)
      implements DataStatement {
    @Override
    public StatementKind kind() {
      return StatementKind.INSERT;
    }
  }

  /**
   * {@code [WITH ...] UPDATE [ONLY] t SET ... [FROM ...] [WHERE ...]}.
   *
   * @param where the WHERE condition, or null
   * @param limited whether LIMIT occurs anywhere in the statement
   */
  record Update(
      QualifiedName table,
      boolean only,
      Expression where,
      boolean limited,
      dev.greenlight.linter.sql.Span span)
      implements DataStatement {
    @Override
    public StatementKind kind() {
      return StatementKind.UPDATE;
    }

    @Override
    public boolean bounded() {
      return limited || (where != null && !DataStatements.triviallyTrue(where));
    }
  }

  /** {@code [WITH ...] DELETE FROM [ONLY] t [USING ...] [WHERE ...]}. */
  record Delete(
      QualifiedName table,
      boolean only,
      Expression where,
      boolean limited,
      dev.greenlight.linter.sql.Span span)
      implements DataStatement {
    @Override
    public StatementKind kind() {
      return StatementKind.DELETE;
    }

    @Override
    public boolean bounded() {
      return limited || (where != null && !DataStatements.triviallyTrue(where));
    }
  }

  /** {@code MERGE INTO t USING ... ON ...}; bounded when its source has a LIMIT. */
  record Merge(QualifiedName table, boolean bounded, dev.greenlight.linter.sql.Span span)
      implements DataStatement {
    @Override
    public StatementKind kind() {
      return StatementKind.MERGE;
    }
  }

  /**
   * {@code SELECT ...} (including {@code SELECT set_config(...)} and {@code SELECT ... INTO}).
   *
   * @param functions functions called at top level, lower-case (e.g. {@code set_config})
   */
  record Select(
      QualifiedName table,
      boolean bounded,
      java.util.List<String> functions,
      dev.greenlight.linter.sql.Span span)
      implements DataStatement {
    @Override
    public StatementKind kind() {
      return StatementKind.SELECT;
    }
  }
}
