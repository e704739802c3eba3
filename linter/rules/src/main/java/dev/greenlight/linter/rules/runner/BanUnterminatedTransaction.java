package dev.greenlight.linter.rules.runner;

import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.ddl.TransactionStatement;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.Set;

/** A BEGIN that no COMMIT or ROLLBACK of the file closes, and a BEGIN inside an open one. */
public final class BanUnterminatedTransaction implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-unterminated-transaction",
          Severity.ERROR,
          Category.RUNNER,
          "BEGIN without COMMIT or ROLLBACK, or a nested BEGIN");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Set<StatementKind> kinds() {
    return EnumSet.of(StatementKind.TRANSACTION_CONTROL);
  }

  @Override
  public void check(Statement statement, RuleContext context) {
    TransactionStatement begin = (TransactionStatement) statement;
    if (!begin.command().opens()) {
      return;
    }
    if (context.inExplicitTransaction()) {
      context.report(
          begin.span(),
          "BEGIN inside an open transaction is ignored (with a warning): its COMMIT ends the"
              + " outer transaction early",
          "Do not nest BEGIN; use SAVEPOINT for nested work");
      return;
    }
    for (Statement later : context.laterInFile()) {
      if (later instanceof TransactionStatement t && t.command().closes()) {
        return;
      }
    }
    context.report(
        begin.span(),
        "BEGIN at line "
            + begin.span().line()
            + " is never closed: the transaction is still open at the end of the file",
        "End the transaction with COMMIT (or ROLLBACK) in the same file");
  }
}
