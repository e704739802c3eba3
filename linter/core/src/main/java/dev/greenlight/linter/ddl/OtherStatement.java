package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;

/**
 * A statement of a known PostgreSQL command that the model does not describe further, e.g. {@code
 * CREATE POLICY}, {@code ALTER SYSTEM}, {@code NOTIFY}, {@code CREATE ROLE}.
 *
 * @param command the command's leading words upper-case, e.g. {@code CREATE POLICY}
 * @param requiresNoTransaction whether PostgreSQL refuses it inside a transaction block ({@code
 *     CREATE DATABASE}, {@code ALTER SYSTEM}, {@code CREATE TABLESPACE}, …)
 */
public record OtherStatement(String command, boolean requiresNoTransaction, Span span)
    implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.OTHER;
  }
}
