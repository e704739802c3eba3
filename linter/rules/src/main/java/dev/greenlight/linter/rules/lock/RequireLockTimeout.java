package dev.greenlight.linter.rules.lock;

import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.facts.Locks;
import dev.greenlight.linter.rules.facts.Settings;
import dev.greenlight.linter.rules.facts.TableLock;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.Optional;
import java.util.Set;

/**
 * A strong lock on an existing table needs a {@code lock_timeout}: set earlier in the file (SET),
 * earlier in the transaction (SET LOCAL), or by the runner ({@code runner-sets-lock-timeout}).
 */
public final class RequireLockTimeout implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "require-lock-timeout",
          Severity.WARNING,
          Category.LOCK,
          "Statements that take strong locks on existing tables need a lock_timeout first");

  /** Statement kinds that can take SHARE or stronger locks on a table. */
  static final Set<StatementKind> LOCKING =
      Set.of(
          StatementKind.ALTER_TABLE,
          StatementKind.CREATE_TABLE,
          StatementKind.CREATE_INDEX,
          StatementKind.DROP,
          StatementKind.REINDEX,
          StatementKind.VACUUM,
          StatementKind.CLUSTER,
          StatementKind.TRUNCATE,
          StatementKind.LOCK_TABLE,
          StatementKind.CREATE_TRIGGER,
          StatementKind.REFRESH_MATERIALIZED_VIEW);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Set<StatementKind> kinds() {
    return LOCKING;
  }

  @Override
  public void check(Statement statement, RuleContext context) {
    if (context.options().runnerSetsLockTimeout() || Settings.timeoutSet(context, "lock_timeout")) {
      return;
    }
    Optional<TableLock> lock = Locks.strongestOnExisting(statement, context);
    if (lock.isPresent()) {
      TableLock l = lock.get();
      context.report(
          statement.span(),
          "This statement takes "
              + l.mode().sql()
              + " on "
              + l.table()
              + " with no lock_timeout: while it waits behind running queries, all new"
              + " queries on "
              + l.table()
              + " queue behind it",
          "SET lock_timeout = '2s' earlier in the migration (or SET LOCAL in its"
              + " transaction) and retry the migration when it times out");
    }
  }
}
