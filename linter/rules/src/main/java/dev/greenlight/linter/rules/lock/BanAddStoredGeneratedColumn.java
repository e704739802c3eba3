package dev.greenlight.linter.rules.lock;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterTableAction.AddColumn;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.facts.ObjectNames;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.Set;

/** A stored generated column computes a value for every existing row: a rewrite. */
public final class BanAddStoredGeneratedColumn implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-add-stored-generated-column",
          Severity.ERROR,
          Category.LOCK,
          "Adding a stored generated column rewrites the table");

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
      if (action instanceof AddColumn add && add.column().isStoredGenerated()) {
        String help =
            context.pgVersion() >= 18
                ? "Use a VIRTUAL generated column (PostgreSQL 18, no rewrite), or a plain column"
                    + " kept by a trigger and backfilled in batches"
                : "Add a plain nullable column, keep it up to date with a trigger, and backfill"
                    + " existing rows in batches";
        context.report(
            add.column().generated().span(),
            "Adding stored generated column "
                + ObjectNames.column(alter.table(), add.column().name().value())
                + " rewrites "
                + alter.table()
                + " under ACCESS EXCLUSIVE",
            help);
      }
    }
  }
}
