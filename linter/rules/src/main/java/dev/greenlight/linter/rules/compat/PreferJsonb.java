package dev.greenlight.linter.rules.compat;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterTableAction.AddColumn;
import dev.greenlight.linter.ddl.AlterTableAction.AlterColumnType;
import dev.greenlight.linter.ddl.ColumnDefinition;
import dev.greenlight.linter.ddl.CreateTable;
import dev.greenlight.linter.ddl.QualifiedName;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.ddl.TypeName;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.facts.ObjectNames;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.Set;

/** {@code json} columns: no equality operator, re-parsed on every access. */
public final class PreferJsonb implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "prefer-jsonb", Severity.WARNING, Category.COMPAT, "Prefer jsonb over json columns");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Set<StatementKind> kinds() {
    return EnumSet.of(StatementKind.CREATE_TABLE, StatementKind.ALTER_TABLE);
  }

  @Override
  public void check(Statement statement, RuleContext context) {
    if (statement instanceof CreateTable create) {
      for (ColumnDefinition column : create.columns()) {
        report(create.table(), column.name().value(), column.type(), context);
      }
    } else if (statement instanceof AlterTable alter) {
      for (AlterTableAction action : alter.actions()) {
        if (action instanceof AddColumn add) {
          report(alter.table(), add.column().name().value(), add.column().type(), context);
        } else if (action instanceof AlterColumnType change) {
          report(alter.table(), change.column().value(), change.type(), context);
        }
      }
    }
  }

  private static void report(
      QualifiedName table, String column, TypeName type, RuleContext context) {
    if (type != null && type.name().equals("json")) {
      context.report(
          type.span(),
          "Column "
              + ObjectNames.column(table, column)
              + " is json: no equality operator, so DISTINCT, UNION, GROUP BY and unique indexes"
              + " on it fail",
          "Use jsonb");
    }
  }
}
