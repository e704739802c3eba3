package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;

/**
 * {@code COPY table [(cols)] FROM|TO source ...} or {@code COPY (query) TO ...}.
 *
 * @param table the table, or null for {@code COPY (query)}
 * @param from true for FROM (loads data), false for TO
 * @param source {@code STDIN}, {@code STDOUT}, {@code PROGRAM} or the file name as written
 */
public record Copy(QualifiedName table, boolean from, String source, Span span)
    implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.COPY;
  }
}
