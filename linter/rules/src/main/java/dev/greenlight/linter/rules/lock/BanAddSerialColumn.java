package dev.greenlight.linter.rules.lock;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterTableAction.AddColumn;
import dev.greenlight.linter.ddl.ColumnDefinition;
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

/** Serial and identity columns fill every existing row from a sequence: a rewrite. */
public final class BanAddSerialColumn implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-add-serial-column",
          Severity.ERROR,
          Category.LOCK,
          "Adding a serial or identity column to an existing table rewrites it");

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
      if (!(action instanceof AddColumn add)) {
        continue;
      }
      ColumnDefinition column = add.column();
      boolean serial = column.type() != null && column.type().isSerial();
      if (!serial && !column.isIdentity()) {
        continue;
      }
      String kind = serial ? column.type().name() : "identity";
      context.report(
          serial ? column.type().span() : column.generated().span(),
          "Adding "
              + kind
              + " column "
              + ObjectNames.column(alter.table(), column.name().value())
              + " fills every row from a sequence: "
              + alter.table()
              + " is rewritten under ACCESS EXCLUSIVE",
          "Create a new table and copy the rows, or add a nullable column, SET DEFAULT"
              + " nextval(…) afterwards and backfill existing rows in batches");
    }
  }
}
