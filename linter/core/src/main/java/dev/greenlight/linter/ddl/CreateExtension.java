package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;

/** {@code CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA s] ...}; schema may be null. */
public record CreateExtension(Name name, boolean ifNotExists, Name schema, Span span)
    implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.CREATE_EXTENSION;
  }
}
