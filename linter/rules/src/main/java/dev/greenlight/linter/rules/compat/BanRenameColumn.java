package dev.greenlight.linter.rules.compat;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterTableAction.RenameColumn;
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

/** {@code RENAME COLUMN}: the running release's queries name the old column. */
public final class BanRenameColumn implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-rename-column",
          Severity.ERROR,
          Category.COMPAT,
          "Renaming a column breaks the release still running");

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
      if (action instanceof RenameColumn rename) {
        String from = rename.from().value();
        if (context.column(alter.table(), from).map(ColumnFacts::existing).orElse(true)) {
          context.report(
              rename.span(),
              "Renaming column "
                  + ObjectNames.column(alter.table(), from)
                  + " to "
                  + rename.to().value()
                  + " breaks every query of the release still running that names it",
              "Add column "
                  + rename.to().value()
                  + ", dual-write, backfill, move reads, and drop "
                  + from
                  + " in a later release");
        }
      }
    }
  }
}
