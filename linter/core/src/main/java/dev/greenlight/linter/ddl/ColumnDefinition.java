package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;
import java.util.List;

/**
 * A column as {@code CREATE TABLE} or {@code ADD COLUMN} defines it.
 *
 * @param name the column name
 * @param type the data type (null only for {@code CREATE TABLE ... PARTITION OF}/{@code OF type}
 *     column options)
 * @param notNull whether {@code NOT NULL} or {@code PRIMARY KEY} was written
 * @param defaultValue the DEFAULT expression, or null
 * @param generated the {@code GENERATED ... AS IDENTITY} or {@code GENERATED ALWAYS AS (...)
 *     STORED} clause, or null
 * @param constraints constraints written on the column (CHECK, UNIQUE, PRIMARY KEY, REFERENCES), as
 *     table constraints on this column
 * @param collation the COLLATE name, or null
 * @param span the whole column definition
 */
public record ColumnDefinition(
    Name name,
    TypeName type,
    boolean notNull,
    Expression defaultValue,
    Generated generated,
    List<TableConstraint> constraints,
    String collation,
    Span span) {

  /**
   * {@code GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY} or {@code GENERATED ALWAYS AS (expr)
   * STORED|VIRTUAL}.
   *
   * @param identity true for identity columns
   * @param always ALWAYS rather than BY DEFAULT
   * @param expression the generation expression of a generated column, null for identity
   * @param stored STORED (PG12+) rather than VIRTUAL (PG18)
   * @param span the clause as written
   */
  public record Generated(
      boolean identity, boolean always, Expression expression, boolean stored, Span span) {}

  /** Whether the column is an identity column. */
  public boolean isIdentity() {
    return generated != null && generated.identity();
  }

  /** Whether the column is a stored generated column. */
  public boolean isStoredGenerated() {
    return generated != null && !generated.identity() && generated.stored();
  }

  /** The column constraint of type {@code type}, or null. */
  public TableConstraint constraint(ConstraintType type) {
    for (TableConstraint c : constraints) {
      if (c.type() == type) {
        return c;
      }
    }
    return null;
  }
}
