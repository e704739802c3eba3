package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;
import java.util.List;

/**
 * {@code ALTER [FOREIGN] TABLE [IF EXISTS] [ONLY] name action [, ...]}, including the RENAME and
 * SET SCHEMA forms and {@code ATTACH/DETACH PARTITION}.
 *
 * @param objectKind {@link ObjectKind#TABLE} or {@link ObjectKind#FOREIGN_TABLE}
 * @param actions the actions in written order, each with its own span
 */
public record AlterTable(
    QualifiedName table,
    ObjectKind objectKind,
    boolean ifExists,
    boolean only,
    List<AlterTableAction> actions,
    Span span)
    implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.ALTER_TABLE;
  }
}
