package dev.greenlight.linter.rules.lock;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
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
import java.util.EnumSet;
import java.util.Set;

/** A CHECK constraint validated at once scans the table under ACCESS EXCLUSIVE. */
public final class RequireNotValidCheck implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "require-not-valid-check",
          Severity.ERROR,
          Category.LOCK,
          "A CHECK constraint on an existing table must be added NOT VALID and validated later");

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
      if (action instanceof AddConstraint add
          && add.constraint().type() == ConstraintType.CHECK
          && !add.constraint().notValid()) {
        TableConstraint check = add.constraint();
        String name = check.name() == null ? "" : " " + check.nameValue();
        context.report(
            check.span(),
            "Adding CHECK constraint"
                + name
                + " to "
                + alter.table()
                + " scans every row under ACCESS EXCLUSIVE",
            "Add the constraint NOT VALID, then VALIDATE CONSTRAINT in a later transaction"
                + " (SHARE UPDATE EXCLUSIVE: traffic continues)");
      }
    }
  }
}
