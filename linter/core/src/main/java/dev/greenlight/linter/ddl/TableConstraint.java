package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;
import java.util.List;

/**
 * A table constraint: written in CREATE TABLE, added by {@code ALTER TABLE ... ADD [CONSTRAINT n]
 * ...}, or a column constraint of a column definition lifted to table level.
 *
 * @param name the constraint name, or null when PostgreSQL will generate one
 * @param type what kind of constraint
 * @param columns the constrained columns (UNIQUE, PRIMARY KEY, FOREIGN KEY, NOT NULL; the element
 *     columns of EXCLUDE; empty for CHECK)
 * @param check the CHECK expression, or null
 * @param references the FOREIGN KEY target, or null
 * @param usingIndex the index of {@code UNIQUE/PRIMARY KEY USING INDEX idx}, or null
 * @param notValid whether {@code NOT VALID} was written (only CHECK and FOREIGN KEY may be)
 * @param span the constraint as written, from CONSTRAINT (or the kind keyword) to its end
 */
public record TableConstraint(
    Name name,
    ConstraintType type,
    List<Name> columns,
    Expression check,
    ForeignKeyReference references,
    Name usingIndex,
    boolean notValid,
    Span span) {

  /** The name, or null. */
  public String nameValue() {
    return name == null ? null : name.value();
  }
}
