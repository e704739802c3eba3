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
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Flyway refuses a file that mixes non-transactional and transactional statements unless {@code
 * mixed=true}; with it, the file runs without a transaction (a warning then). Reported on each
 * non-transactional statement that is not already inside a transaction — those get {@code
 * ban-concurrently-in-transaction} instead, so a statement never gets both.
 */
public final class BanMixedTransactionalStatements implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-mixed-transactional-statements",
          Severity.ERROR,
          Category.RUNNER,
          "A file mixes statements that cannot run in a transaction with transactional ones");

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
    if (what == null
        || context.inTransaction()
        || context.options().runner() != RunnerMode.FLYWAY
        || context.migration().executeInTransaction() != null) {
      return;
    }
    List<Statement> others =
        Stream.concat(context.earlierInFile().stream(), context.laterInFile().stream())
            .filter(s -> s.kind() != StatementKind.TRANSACTION_CONTROL)
            .filter(
                s -> TransactionRequirement.cannotRunInTransaction(s, context.pgVersion()) == null)
            .toList();
    if (others.isEmpty()) {
      return;
    }
    String first = "line " + others.get(0).span().line();
    if (context.migration().mixed()) {
      context.report(
          Severity.WARNING,
          statement.span(),
          what
              + " makes Flyway (mixed=true) run the whole file without a transaction: the other"
              + " statements (from "
              + first
              + ") lose atomicity",
          "Put " + what + " in a migration file of its own");
    } else {
      context.report(
          statement.span(),
          what
              + " is mixed with transactional statements (from "
              + first
              + "): Flyway refuses the file",
          "Put " + what + " in a migration file of its own");
    }
  }
}
