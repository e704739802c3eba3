package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;

/** {@code CREATE TABLE name AS query} (and {@code SELECT ... INTO} is not modelled). */
public record CreateTableAs(
    QualifiedName table, boolean ifNotExists, boolean temporary, boolean withData, Span span)
    implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.CREATE_TABLE_AS;
  }
}
