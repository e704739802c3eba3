package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;

/**
 * ALTER of objects other than tables, types and domains: {@code ALTER INDEX}, {@code ALTER VIEW},
 * {@code ALTER MATERIALIZED VIEW}, {@code ALTER SCHEMA}, {@code ALTER SEQUENCE}, {@code ALTER
 * FUNCTION/PROCEDURE}, {@code ALTER TRIGGER ... ON t}, {@code ALTER EXTENSION}, …
 *
 * @param onTable the table of {@code ALTER TRIGGER/POLICY/RULE name ON table}, or null
 * @param newName the target of RENAME TO (or the column's new name for RENAME COLUMN), the owner of
 *     OWNER TO, the schema of SET SCHEMA; else null
 * @param operationText the action as written after the name, upper-cased leading words, e.g. {@code
 *     RENAME TO}, {@code SET TABLESPACE}, {@code ATTACH PARTITION}
 */
public record AlterObject(
    ObjectKind objectKind,
    QualifiedName name,
    boolean ifExists,
    QualifiedName onTable,
    Operation operation,
    Name newName,
    String operationText,
    Span span)
    implements Statement {

  /** What the ALTER does. */
  public enum Operation {
    RENAME,
    RENAME_COLUMN,
    OWNER,
    SET_SCHEMA,
    OTHER
  }

  @Override
  public StatementKind kind() {
    return StatementKind.ALTER_OBJECT;
  }
}
