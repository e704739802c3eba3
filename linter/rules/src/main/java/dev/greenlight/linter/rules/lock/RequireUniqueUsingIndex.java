package dev.greenlight.linter.rules.lock;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterTableAction.AddColumn;
import dev.greenlight.linter.ddl.AlterTableAction.AddConstraint;
import dev.greenlight.linter.ddl.ConstraintType;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.ddl.TableConstraint;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code ADD UNIQUE} builds its index under ACCESS EXCLUSIVE; attach a concurrent one instead. */
public final class RequireUniqueUsingIndex implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "require-unique-using-index",
          Severity.ERROR,
          Category.LOCK,
          "A UNIQUE constraint on an existing table must use a concurrently built index");

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
    for (TableConstraint unique : added(alter, ConstraintType.UNIQUE)) {
      if (unique.usingIndex() != null) {
        continue;
      }
      String name = unique.nameValue() == null ? alter.table() + "_key" : unique.nameValue();
      context.report(
          unique.span(),
          "Adding UNIQUE "
              + unique.columns()
              + " to "
              + alter.table()
              + " builds its index under ACCESS EXCLUSIVE: no reads or writes during the build",
          "CREATE UNIQUE INDEX CONCURRENTLY "
              + name
              + " in its own migration, then ADD CONSTRAINT "
              + name
              + " UNIQUE USING INDEX "
              + name);
    }
  }

  /** The constraints of {@code type} the statement adds, table-level and on added columns. */
  static List<TableConstraint> added(AlterTable alter, ConstraintType type) {
    List<TableConstraint> out = new ArrayList<>();
    for (AlterTableAction action : alter.actions()) {
      if (action instanceof AddConstraint add && add.constraint().type() == type) {
        out.add(add.constraint());
      } else if (action instanceof AddColumn column) {
        for (TableConstraint k : column.column().constraints()) {
          if (k.type() == type) {
            out.add(k);
          }
        }
      }
    }
    return out;
  }
}
