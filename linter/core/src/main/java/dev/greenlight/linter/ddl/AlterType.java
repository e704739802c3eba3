package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;

/**
 * {@code ALTER TYPE name ...}: {@code ADD VALUE [IF NOT EXISTS] 'v' [BEFORE|AFTER 'n']}, {@code
 * RENAME VALUE 'a' TO 'b'}, {@code RENAME TO}, {@code OWNER TO}, {@code SET SCHEMA}, attribute
 * actions.
 *
 * @param value the enum label added or renamed (unquoted), or the attribute name
 * @param newValue the new label of RENAME VALUE, or null
 * @param neighbor the label of BEFORE/AFTER, or null
 * @param before true for BEFORE, false for AFTER (meaningless without neighbor)
 * @param newName the new name of RENAME TO, the owner of OWNER TO, the schema of SET SCHEMA
 */
public record AlterType(
    QualifiedName name,
    Operation operation,
    String value,
    String newValue,
    boolean ifNotExists,
    String neighbor,
    boolean before,
    Name newName,
    Span span)
    implements Statement {

  /** The ALTER TYPE action. */
  public enum Operation {
    ADD_VALUE,
    RENAME_VALUE,
    RENAME,
    OWNER,
    SET_SCHEMA,
    ADD_ATTRIBUTE,
    DROP_ATTRIBUTE,
    ALTER_ATTRIBUTE,
    RENAME_ATTRIBUTE,
    OTHER
  }

  @Override
  public StatementKind kind() {
    return StatementKind.ALTER_TYPE;
  }
}
