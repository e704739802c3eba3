package dev.greenlight.linter.rules.compat;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterTableAction.DropNotNull;
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

/** {@code DROP NOT NULL}: the running release may not expect NULLs when it reads. */
public final class BanDropNotNull implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-drop-not-null",
          Severity.WARNING,
          Category.COMPAT,
          "Dropping NOT NULL lets NULLs reach the release still running");

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
      if (action instanceof DropNotNull drop
          && context
              .column(alter.table(), drop.column().value())
              .map(ColumnFacts::existing)
              .orElse(true)) {
        context.report(
            drop.span(),
            "Dropping NOT NULL on "
                + ObjectNames.column(alter.table(), drop.column().value())
                + " lets the new release write NULLs the release still running may not expect",
            "Write a sentinel value until the running release handles NULL, then drop NOT NULL"
                + " in the contract phase");
      }
    }
  }
}
