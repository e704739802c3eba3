package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;

/**
 * {@code REINDEX [(options)] INDEX|TABLE|SCHEMA|DATABASE|SYSTEM [CONCURRENTLY] name}.
 *
 * @param target the target kind upper-case, e.g. {@code TABLE}
 * @param name the target's name (null for a bare {@code REINDEX DATABASE})
 */
public record Reindex(String target, QualifiedName name, boolean concurrently, Span span)
    implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.REINDEX;
  }
}
