package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;
import java.util.List;

/**
 * {@code LOCK [TABLE] [ONLY] t [, ...] [IN mode MODE] [NOWAIT]}.
 *
 * @param mode the lock mode upper-case, {@code ACCESS EXCLUSIVE} when not written
 */
public record LockTable(List<QualifiedName> tables, String mode, boolean nowait, Span span)
    implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.LOCK_TABLE;
  }
}
