package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;

/** {@code CLUSTER [VERBOSE] [table [USING index]]}; table null for a bare CLUSTER. */
public record Cluster(QualifiedName table, Name index, Span span) implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.CLUSTER;
  }
}
