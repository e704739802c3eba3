package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;

/**
 * {@code COMMENT ON kind target IS 'text'|NULL}.
 *
 * @param target the commented object as written, e.g. {@code orders.legacy_ref}
 * @param comment the comment text unquoted, or null for {@code IS NULL}
 */
public record CommentOn(ObjectKind objectKind, String target, String comment, Span span)
    implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.COMMENT;
  }
}
