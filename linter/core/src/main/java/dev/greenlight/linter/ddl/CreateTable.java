package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;
import java.util.List;

/**
 * {@code CREATE [TEMP|UNLOGGED] TABLE [IF NOT EXISTS] name (...)}, also {@code PARTITION OF}.
 *
 * @param table the new table
 * @param partitionOf the parent of {@code PARTITION OF parent}, or null
 * @param partitioned whether {@code PARTITION BY} was written
 */
public record CreateTable(
    QualifiedName table,
    boolean ifNotExists,
    boolean temporary,
    boolean unlogged,
    List<ColumnDefinition> columns,
    List<TableConstraint> constraints,
    QualifiedName partitionOf,
    boolean partitioned,
    Span span)
    implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.CREATE_TABLE;
  }

  /** The column called {@code name}, or null. */
  public ColumnDefinition column(String name) {
    for (ColumnDefinition c : columns) {
      if (c.name().value().equals(name)) {
        return c;
      }
    }
    return null;
  }
}
