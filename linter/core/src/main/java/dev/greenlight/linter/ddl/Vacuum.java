package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;
import java.util.List;

/** {@code VACUUM [FULL] [FREEZE] [VERBOSE] [ANALYZE] [(options)] [table [(cols)], ...]}. */
public record Vacuum(boolean full, boolean analyze, List<QualifiedName> tables, Span span)
    implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.VACUUM;
  }
}
