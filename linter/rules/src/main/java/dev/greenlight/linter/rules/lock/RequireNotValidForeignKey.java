package dev.greenlight.linter.rules.lock;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterTableAction.AddColumn;
import dev.greenlight.linter.ddl.AlterTableAction.AddConstraint;
import dev.greenlight.linter.ddl.ConstraintType;
import dev.greenlight.linter.ddl.QualifiedName;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.ddl.TableConstraint;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.Set;

/** A foreign key validated at once locks both tables and scans the referencing one. */
public final class RequireNotValidForeignKey implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "require-not-valid-foreign-key",
          Severity.ERROR,
          Category.LOCK,
          "A foreign key must be added NOT VALID and validated later");

  private static final String HELP =
      "Add the foreign key NOT VALID (ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY … NOT VALID),"
          + " then VALIDATE CONSTRAINT in a later transaction";

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
      if (action instanceof AddConstraint add) {
        report(alter.table(), add.constraint(), context);
      } else if (action instanceof AddColumn column) {
        for (TableConstraint k : column.column().constraints()) {
          report(alter.table(), k, context);
        }
      }
    }
  }

  private static void report(QualifiedName table, TableConstraint fk, RuleContext context) {
    if (fk.type() != ConstraintType.FOREIGN_KEY || fk.notValid() || fk.references() == null) {
      return;
    }
    QualifiedName target = fk.references().table();
    context.report(
        fk.span(),
        "Adding a foreign key from "
            + table
            + " to "
            + target
            + " scans "
            + table
            + " while blocking writes to both tables (SHARE ROW EXCLUSIVE)",
        HELP);
  }
}
