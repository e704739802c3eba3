package dev.greenlight.linter.rules.hygiene;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterTableAction.AddColumn;
import dev.greenlight.linter.ddl.AlterTableAction.DropColumn;
import dev.greenlight.linter.ddl.CreateIndex;
import dev.greenlight.linter.ddl.CreateSchema;
import dev.greenlight.linter.ddl.CreateSequence;
import dev.greenlight.linter.ddl.CreateTable;
import dev.greenlight.linter.ddl.DropStatement;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import dev.greenlight.linter.sql.Span;
import java.util.EnumSet;
import java.util.Set;

/**
 * Off by default: outside a transaction a failed migration cannot roll back, so every statement
 * should succeed when the migration runs again.
 */
public final class PreferRobustStatements implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.off(
          "prefer-robust-statements",
          Severity.INFO,
          Category.HYGIENE,
          "Non-transactional migrations should use IF [NOT] EXISTS");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Set<StatementKind> kinds() {
    return EnumSet.of(
        StatementKind.CREATE_INDEX,
        StatementKind.DROP,
        StatementKind.CREATE_TABLE,
        StatementKind.CREATE_SEQUENCE,
        StatementKind.CREATE_SCHEMA,
        StatementKind.ALTER_TABLE);
  }

  @Override
  public void check(Statement statement, RuleContext context) {
    if (context.inTransaction()) {
      return;
    }
    if (statement instanceof CreateIndex s && !s.ifNotExists() && s.name() != null) {
      report(context, s.span(), "CREATE INDEX " + s.name().value(), "IF NOT EXISTS");
    } else if (statement instanceof DropStatement s && !s.ifExists()) {
      report(
          context, s.span(), "DROP " + s.objectKind().sql() + " " + s.names().get(0), "IF EXISTS");
    } else if (statement instanceof CreateTable s && !s.ifNotExists()) {
      report(context, s.span(), "CREATE TABLE " + s.table(), "IF NOT EXISTS");
    } else if (statement instanceof CreateSequence s && !s.ifNotExists()) {
      report(context, s.span(), "CREATE SEQUENCE " + s.name(), "IF NOT EXISTS");
    } else if (statement instanceof CreateSchema s && !s.ifNotExists()) {
      report(context, s.span(), "CREATE SCHEMA " + s.name().value(), "IF NOT EXISTS");
    } else if (statement instanceof AlterTable alter) {
      for (AlterTableAction action : alter.actions()) {
        if (action instanceof AddColumn add && !add.ifNotExists()) {
          report(context, add.span(), "ADD COLUMN " + add.column().name().value(), "IF NOT EXISTS");
        } else if (action instanceof DropColumn drop && !drop.ifExists()) {
          report(context, drop.span(), "DROP COLUMN " + drop.column().value(), "IF EXISTS");
        }
      }
    }
  }

  private static void report(RuleContext context, Span span, String what, String guard) {
    context.report(
        span,
        what
            + " runs outside a transaction without "
            + guard
            + ": if the migration fails later, running it again fails here",
        "Write it with " + guard + " so the migration can be re-run");
  }
}
