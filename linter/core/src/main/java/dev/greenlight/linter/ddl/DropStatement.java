package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;
import java.util.List;

/**
 * {@code DROP <kind> [CONCURRENTLY] [IF EXISTS] name [, ...] [CASCADE|RESTRICT]} for every kind of
 * object; {@code DROP TRIGGER/POLICY/RULE name ON table} fills {@code onTable}; {@code DROP
 * FUNCTION f(int)} keeps the name without the signature.
 *
 * @param onTable the table of a trigger, policy or rule, or null
 */
public record DropStatement(
    ObjectKind objectKind,
    List<QualifiedName> names,
    boolean ifExists,
    boolean cascade,
    boolean concurrently,
    QualifiedName onTable,
    Span span)
    implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.DROP;
  }
}
