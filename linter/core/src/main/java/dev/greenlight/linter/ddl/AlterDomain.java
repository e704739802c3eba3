package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;

/**
 * {@code ALTER DOMAIN name ...}.
 *
 * @param constraint the added constraint (ADD_CONSTRAINT), else null
 * @param constraintName the constraint of DROP/VALIDATE/RENAME CONSTRAINT, else null
 * @param defaultValue the expression of SET DEFAULT, else null
 * @param newName the new name (RENAME, RENAME CONSTRAINT), owner or schema, else null
 */
public record AlterDomain(
    QualifiedName name,
    Operation operation,
    TableConstraint constraint,
    Name constraintName,
    Expression defaultValue,
    Name newName,
    Span span)
    implements Statement {

  /** The ALTER DOMAIN action. */
  public enum Operation {
    ADD_CONSTRAINT,
    DROP_CONSTRAINT,
    VALIDATE_CONSTRAINT,
    RENAME_CONSTRAINT,
    SET_DEFAULT,
    DROP_DEFAULT,
    SET_NOT_NULL,
    DROP_NOT_NULL,
    RENAME,
    OWNER,
    SET_SCHEMA
  }

  @Override
  public StatementKind kind() {
    return StatementKind.ALTER_DOMAIN;
  }
}
