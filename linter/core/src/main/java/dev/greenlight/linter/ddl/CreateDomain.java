package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;
import java.util.List;

/** {@code CREATE DOMAIN name [AS] type [DEFAULT e] [NOT NULL] [[CONSTRAINT n] CHECK (...)]...}. */
public record CreateDomain(
    QualifiedName name,
    TypeName type,
    Expression defaultValue,
    boolean notNull,
    List<TableConstraint> checks,
    Span span)
    implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.CREATE_DOMAIN;
  }
}
