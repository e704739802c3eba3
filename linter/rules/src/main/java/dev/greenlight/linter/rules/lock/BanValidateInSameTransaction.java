package dev.greenlight.linter.rules.lock;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterTableAction.AddConstraint;
import dev.greenlight.linter.ddl.AlterTableAction.ValidateConstraint;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.Set;

/** Validating in the transaction of the NOT VALID add keeps the add's strong lock for the scan. */
public final class BanValidateInSameTransaction implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-validate-in-same-transaction",
          Severity.ERROR,
          Category.LOCK,
          "VALIDATE CONSTRAINT must run in a later transaction than the NOT VALID add");

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
    if (!context.inTransaction() || !context.isExistingTable(alter.table())) {
      return;
    }
    for (AlterTableAction action : alter.actions()) {
      if (action instanceof ValidateConstraint validate
          && addedNotValidEarlier(alter, validate.constraint().value(), context)) {
        context.report(
            validate.span(),
            "Validating "
                + validate.constraint().value()
                + " on "
                + alter.table()
                + " in the transaction that added it NOT VALID keeps the add's lock during the"
                + " scan",
            "Validate in a separate migration (Flyway runs each file in its own transaction) or"
                + " after a COMMIT");
      }
    }
  }

  private static boolean addedNotValidEarlier(AlterTable alter, String name, RuleContext context) {
    for (Statement earlier : context.earlierInTransaction()) {
      if (earlier instanceof AlterTable prior
          && prior.table().name().equals(alter.table().name())) {
        for (AlterTableAction a : prior.actions()) {
          if (a instanceof AddConstraint add
              && add.constraint().notValid()
              && name.equals(add.constraint().nameValue())) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
