package dev.greenlight.linter.rules.compat;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterTableAction.DropColumn;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.facts.ObjectNames;
import dev.greenlight.linter.rules.spi.ColumnFacts;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.Set;

/** {@code DROP COLUMN} of a column the running release may still read or write. */
public final class BanDropColumn implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-drop-column",
          Severity.ERROR,
          Category.COMPAT,
          "Dropping a column breaks the release still running");

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
      if (action instanceof DropColumn drop) {
        String column = drop.column().value();
        boolean existing =
            context.column(alter.table(), column).map(ColumnFacts::existing).orElse(true);
        if (existing) {
          context.report(
              drop.span(),
              "Dropping column "
                  + ObjectNames.column(alter.table(), column)
                  + " breaks the release still running (its queries on the column fail) and"
                  + " loses the column's data",
              "Stop using the column in release N, drop it in release N+1 (verify"
                  + " --old-queries shows whether the running release still uses it)");
        }
      }
    }
  }
}
