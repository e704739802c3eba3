package dev.greenlight.linter.rules.lock;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterTableAction.SetNotNull;
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

/**
 * {@code SET NOT NULL} scans the table under ACCESS EXCLUSIVE, unless (PostgreSQL 12+) a validated
 * {@code CHECK (col IS NOT NULL)} already proves it, wherever that check was added.
 */
public final class BanSetNotNull implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-set-not-null",
          Severity.ERROR,
          Category.LOCK,
          "SET NOT NULL on an existing column scans the table under ACCESS EXCLUSIVE");

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
      if (!(action instanceof SetNotNull set)) {
        continue;
      }
      String column = set.column().value();
      boolean proven = context.hasValidatedNotNullCheck(alter.table(), column);
      if (proven && context.pgVersion() >= 12) {
        continue;
      }
      String name = ObjectNames.column(alter.table(), column);
      String message =
          proven
              ? "Setting "
                  + name
                  + " NOT NULL scans "
                  + alter.table()
                  + " under ACCESS EXCLUSIVE: PostgreSQL "
                  + context.pgVersion()
                  + " ignores the validated CHECK (only 12+ uses it to skip the scan)"
              : "Setting "
                  + name
                  + " NOT NULL scans "
                  + alter.table()
                  + " under ACCESS EXCLUSIVE to prove no row is NULL";
      context.report(
          set.span(),
          message,
          "Add CHECK ("
              + column
              + " IS NOT NULL) NOT VALID, backfill, VALIDATE it in a later transaction, then SET"
              + " NOT NULL (no scan on PostgreSQL 12+) and drop the check");
    }
  }
}
