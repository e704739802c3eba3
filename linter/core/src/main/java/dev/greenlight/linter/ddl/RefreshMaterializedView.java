package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;

/** {@code REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA]}. */
public record RefreshMaterializedView(
    QualifiedName name, boolean concurrently, boolean withData, Span span) implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.REFRESH_MATERIALIZED_VIEW;
  }
}
