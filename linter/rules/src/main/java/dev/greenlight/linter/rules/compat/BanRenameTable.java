package dev.greenlight.linter.rules.compat;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterTableAction.RenameTable;
import dev.greenlight.linter.ddl.CreateView;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code ALTER TABLE … RENAME TO}, unless the same migration creates a view under the old name
 * after the rename (the running release keeps working through the view).
 */
public final class BanRenameTable implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-rename-table",
          Severity.ERROR,
          Category.COMPAT,
          "Renaming a table breaks the release still running");

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
      if (action instanceof RenameTable rename && !viewUnderOldNameLater(alter, context)) {
        context.report(
            rename.span(),
            "Renaming table "
                + alter.table()
                + " to "
                + rename.newName().value()
                + " breaks every query of the release still running on "
                + alter.table(),
            "Create a view named "
                + alter.table()
                + " over "
                + rename.newName().value()
                + " in the same migration, and drop it in the contract phase");
      }
    }
  }

  private static boolean viewUnderOldNameLater(AlterTable alter, RuleContext context) {
    for (Statement later : context.laterInFile()) {
      if (later instanceof CreateView view
          && !view.materialized()
          && view.name().name().equals(alter.table().name())
          && java.util.Objects.equals(view.name().schema(), alter.table().schema())) {
        return true;
      }
    }
    return false;
  }
}
