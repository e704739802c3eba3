package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;

/**
 * A statement the linter could not read. Never dropped: the {@code unparsed-statement} rule reports
 * it, and it still counts as a statement of its file.
 *
 * @param command the leading words upper-case (e.g. {@code ALTER TABLE}), empty when none
 * @param probableKind the kind its leading words suggest
 * @param reason what the parser did not understand, e.g. "expected a column type after 'ADD COLUMN
 *     c'"
 * @param errorAt where the parser stopped
 */
public record Unparsed(
    String command, StatementKind probableKind, String reason, Span errorAt, Span span)
    implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.UNPARSED;
  }
}
