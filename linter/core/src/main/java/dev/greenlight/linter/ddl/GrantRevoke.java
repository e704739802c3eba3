package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;

/**
 * {@code GRANT ... ON ... TO ...} and {@code REVOKE ... ON ... FROM ...} (also role grants).
 *
 * @param privileges the privilege list as written, e.g. {@code SELECT, INSERT}
 * @param objectKind the kind after ON ({@link ObjectKind#TABLE} when only a name is written; null
 *     for a role grant)
 * @param targets the objects as written after ON, or null for a role grant
 * @param grantees the roles as written after TO/FROM
 */
public record GrantRevoke(
    boolean grant,
    String privileges,
    ObjectKind objectKind,
    String targets,
    String grantees,
    Span span)
    implements Statement {
  @Override
  public StatementKind kind() {
    return grant ? StatementKind.GRANT : StatementKind.REVOKE;
  }
}
