package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;
import java.util.List;

/** {@code ANALYZE [VERBOSE] [table [(cols)], ...]}. */
public record Analyze(List<QualifiedName> tables, Span span) implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.ANALYZE;
  }
}
