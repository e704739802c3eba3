package dev.greenlight.linter.rules.compat;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterTableAction.DropColumn;
import dev.greenlight.linter.ddl.AlterTableAction.DropConstraint;
import dev.greenlight.linter.ddl.DropStatement;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.Set;

/** Any {@code CASCADE} on a drop: dependents vanish without being named. */
public final class BanDropCascade implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-drop-cascade",
          Severity.ERROR,
          Category.COMPAT,
          "DROP … CASCADE silently drops dependent objects");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  private static final String HELP =
      "Drop the dependent objects explicitly, each in its own statement, then drop without CASCADE";

  @Override
  public Set<StatementKind> kinds() {
    return EnumSet.of(StatementKind.DROP, StatementKind.ALTER_TABLE);
  }

  @Override
  public void check(Statement statement, RuleContext context) {
    if (statement instanceof DropStatement drop && drop.cascade()) {
      context.report(
          drop.span(),
          "DROP "
              + drop.objectKind().sql().toUpperCase(java.util.Locale.ROOT)
              + " "
              + drop.names().get(0)
              + " CASCADE also drops every dependent object (views, foreign keys, defaults)"
              + " without naming them",
          HELP);
    } else if (statement instanceof AlterTable alter) {
      for (AlterTableAction action : alter.actions()) {
        String what = null;
        if (action instanceof DropColumn c && c.cascade()) {
          what = "column " + alter.table() + "." + c.column().value();
        } else if (action instanceof DropConstraint k && k.cascade()) {
          what = "constraint " + k.constraint().value() + " of " + alter.table();
        }
        if (what != null) {
          context.report(
              action.span(),
              "Dropping "
                  + what
                  + " with CASCADE also drops every dependent object without"
                  + " naming them",
              HELP);
        }
      }
    }
  }
}
