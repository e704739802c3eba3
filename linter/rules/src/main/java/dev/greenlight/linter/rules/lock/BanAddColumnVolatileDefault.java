package dev.greenlight.linter.rules.lock;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterTableAction.AddColumn;
import dev.greenlight.linter.ddl.ColumnDefinition;
import dev.greenlight.linter.ddl.Expression;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.ddl.Volatility;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.facts.ObjectNames;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code ADD COLUMN … DEFAULT <volatile>} rewrites the table; PostgreSQL 11+ stores non-volatile
 * defaults once. A call the linter cannot classify (a user function) is reported as possibly
 * volatile.
 */
public final class BanAddColumnVolatileDefault implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-add-column-volatile-default",
          Severity.ERROR,
          Category.LOCK,
          "Adding a column with a volatile default rewrites the table");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Set<StatementKind> kinds() {
    return EnumSet.of(StatementKind.ALTER_TABLE);
  }

  @Override
  public void check(Statement statement, RuleContext context) {
    AlterTable alter = (AlterTable) statement;
    if (!context.isExistingTable(alter.table())) {
      return;
    }
    for (AlterTableAction action : alter.actions()) {
      if (!(action instanceof AddColumn add) || add.column().defaultValue() == null) {
        continue;
      }
      ColumnDefinition column = add.column();
      Expression value = column.defaultValue();
      if (value.volatility() == Volatility.NON_VOLATILE) {
        continue;
      }
      String why =
          value.volatility() == Volatility.VOLATILE
              ? "the volatile default " + value.text()
              : "the default " + value.text() + " (calls a function not known to be stable)";
      context.report(
          value.span(),
          "Adding "
              + ObjectNames.column(alter.table(), column.name().value())
              + " with "
              + why
              + " rewrites "
              + alter.table()
              + " under ACCESS EXCLUSIVE",
          "Add the column without the default, then ALTER COLUMN … SET DEFAULT "
              + value.text()
              + " for new rows and backfill existing rows in batches");
    }
  }
}
