package dev.greenlight.linter.rules.lock;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterTableAction.SetAccessMethod;
import dev.greenlight.linter.ddl.AlterTableAction.SetPersistence;
import dev.greenlight.linter.ddl.AlterTableAction.SetTablespace;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.Set;

/** ALTER TABLE forms that copy the whole table under ACCESS EXCLUSIVE. */
public final class BanTableRewriteAlter implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-table-rewrite-alter",
          Severity.ERROR,
          Category.LOCK,
          "SET LOGGED/UNLOGGED, SET TABLESPACE and SET ACCESS METHOD rewrite an existing table");

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
      String form = null;
      if (action instanceof SetPersistence p) {
        form = p.logged() ? "SET LOGGED" : "SET UNLOGGED";
      } else if (action instanceof SetTablespace t) {
        form = "SET TABLESPACE " + t.tablespace();
      } else if (action instanceof SetAccessMethod m) {
        form = "SET ACCESS METHOD " + m.method();
      }
      if (form != null) {
        context.report(
            action.span(),
            form + " rewrites " + alter.table() + " under ACCESS EXCLUSIVE: no reads or writes",
            "Create a new table with the wanted property and copy the rows in batches, or plan a"
                + " maintenance window");
      }
    }
  }
}
