package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;
import java.util.List;

/** {@code TRUNCATE [TABLE] [ONLY] t [, ...] [RESTART IDENTITY] [CASCADE]}. */
public record Truncate(
    List<QualifiedName> tables, boolean cascade, boolean restartIdentity, Span span)
    implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.TRUNCATE;
  }
}
