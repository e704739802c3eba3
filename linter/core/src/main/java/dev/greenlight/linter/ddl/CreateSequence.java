package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;

/** {@code CREATE [TEMP] SEQUENCE [IF NOT EXISTS] name [options]}. */
public record CreateSequence(QualifiedName name, boolean ifNotExists, boolean temporary, Span span)
    implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.CREATE_SEQUENCE;
  }
}
