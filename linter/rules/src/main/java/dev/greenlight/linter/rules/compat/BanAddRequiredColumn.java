package dev.greenlight.linter.rules.compat;

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

/** A NOT NULL column without a value fails on rows, and the old release's INSERTs omit it. */
public final class BanAddRequiredColumn implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-add-required-column",
          Severity.ERROR,
          Category.COMPAT,
          "Adding a NOT NULL column without a default to an existing table");

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
      if (action instanceof AddColumn add && required(add.column())) {
        ColumnDefinition column = add.column();
        context.report(
            add.span(),
            "Adding NOT NULL column "
                + ObjectNames.column(alter.table(), column.name().value())
                + " without a default fails on a table with rows, and the release still running"
                + " inserts without it",
            "Add the column nullable, or NOT NULL DEFAULT <constant> (no rewrite on PostgreSQL"
                + " 11+)");
      }
    }
  }

  private static boolean required(ColumnDefinition column) {
    boolean hasValue =
        column.defaultValue() != null && !column.defaultValue().isNull()
            || column.generated() != null
            || column.type() != null && column.type().isSerial();
    return column.notNull() && !hasValue;
  }
}
