package dev.greenlight.linter.rules.runner;

import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.ddl.TransactionRequirement;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.RunnerMode;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.Set;

/**
 * A statement PostgreSQL refuses inside a transaction block, inside an explicit BEGIN … COMMIT or
 * in a file the runner wraps (executeInTransaction=true, or the always-transactional runner).
 */
public final class BanConcurrentlyInTransaction implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-concurrently-in-transaction",
          Severity.ERROR,
          Category.RUNNER,
          "A statement that cannot run in a transaction runs inside one");

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
    String what = TransactionRequirement.cannotRunInTransaction(statement, context.pgVersion());
    if (what == null || !context.inTransaction()) {
      return;
    }
    String where;
    if (context.inExplicitTransaction()) {
      where = "inside BEGIN … COMMIT";
    } else if (context.options().runner() == RunnerMode.FLYWAY_ALWAYS_TRANSACTIONAL) {
      where = "in a file the runner (flyway-always-transactional) wraps in a transaction";
    } else {
      where = "in a file run in a transaction (executeInTransaction=true in its .sql.conf)";
    }
    context.report(
        statement.span(),
        what + " cannot run in a transaction block, and runs " + where + ": the migration fails",
        "Move it to a migration file of its own without BEGIN; Flyway then runs that file outside"
            + " a transaction (executeInTransaction=false)");
  }
}
