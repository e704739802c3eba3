package dev.greenlight.linter.rules.lock;

import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.facts.LockMode;
import dev.greenlight.linter.rules.facts.Locks;
import dev.greenlight.linter.rules.facts.TableLock;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reported on the first statement that runs while an earlier statement of the same transaction
 * holds ACCESS EXCLUSIVE on an existing table (the lock lasts until commit).
 */
public final class BanLongHeldExclusiveLock implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-long-held-exclusive-lock",
          Severity.WARNING,
          Category.LOCK,
          "Statements after an ACCESS EXCLUSIVE lock keep it held until commit");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Set<StatementKind> kinds() {
    return EnumSet.complementOf(EnumSet.of(StatementKind.TRANSACTION_CONTROL, StatementKind.SET));
  }

  @Override
  public void check(Statement statement, RuleContext context) {
    if (!context.inTransaction()) {
      return;
    }
    Statement previous = previousWork(context.earlierInTransaction());
    if (previous == null) {
      return;
    }
    for (TableLock lock : Locks.taken(previous, context)) {
      if (lock.mode() == LockMode.ACCESS_EXCLUSIVE && context.isExistingTable(lock.table())) {
        context.report(
            statement.span(),
            "This statement runs while "
                + lock.table()
                + " is still ACCESS EXCLUSIVE locked by the statement at line "
                + previous.span().line()
                + ": the table stays unavailable until commit",
            "One dangerous statement per transaction: move this statement to its own migration,"
                + " or COMMIT after the locking statement");
        return;
      }
    }
  }

  /** The last statement before this one that does work (not SET or transaction control). */
  private static Statement previousWork(List<Statement> earlier) {
    for (int i = earlier.size() - 1; i >= 0; i--) {
      StatementKind kind = earlier.get(i).kind();
      if (kind != StatementKind.SET && kind != StatementKind.TRANSACTION_CONTROL) {
        return earlier.get(i);
      }
    }
    return null;
  }
}
