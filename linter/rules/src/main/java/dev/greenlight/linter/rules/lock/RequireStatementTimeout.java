package dev.greenlight.linter.rules.lock;

import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.facts.Locks;
import dev.greenlight.linter.rules.facts.Settings;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.Set;

/** Off by default: a strong lock on an existing table should be bounded by statement_timeout. */
public final class RequireStatementTimeout implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.off(
          "require-statement-timeout",
          Severity.WARNING,
          Category.LOCK,
          "Statements that take strong locks on existing tables need a statement_timeout first");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Set<StatementKind> kinds() {
    return RequireLockTimeout.LOCKING;
  }

  @Override
  public void check(Statement statement, RuleContext context) {
    if (Settings.timeoutSet(context, "statement_timeout")) {
      return;
    }
    Locks.strongestOnExisting(statement, context)
        .ifPresent(
            l ->
                context.report(
                    statement.span(),
                    "This statement holds "
                        + l.mode().sql()
                        + " on "
                        + l.table()
                        + " with no statement_timeout: nothing bounds how long it runs",
                    "SET statement_timeout = '5s' earlier in the migration (or SET LOCAL in its"
                        + " transaction)"));
  }
}
