package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;

/**
 * {@code CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role]}; name is the role when only
 * AUTHORIZATION is written.
 */
public record CreateSchema(Name name, boolean ifNotExists, Name authorization, Span span)
    implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.CREATE_SCHEMA;
  }
}
