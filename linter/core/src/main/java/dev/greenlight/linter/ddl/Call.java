package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;

/** {@code CALL procedure(args)}. */
public record Call(QualifiedName procedure, Span span) implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.CALL;
  }
}
