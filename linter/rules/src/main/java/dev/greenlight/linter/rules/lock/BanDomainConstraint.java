package dev.greenlight.linter.rules.lock;

import dev.greenlight.linter.ddl.AlterDomain;
import dev.greenlight.linter.ddl.CreateDomain;
import dev.greenlight.linter.ddl.ObjectKind;
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

/** Domain CHECKs are rechecked against every column of the domain, invisibly. */
public final class BanDomainConstraint implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-domain-constraint",
          Severity.WARNING,
          Category.LOCK,
          "A domain CHECK constraint rechecks every column of the domain");

  private static final String HELP =
      "Put the constraint on the columns (ADD CONSTRAINT … CHECK … NOT VALID, then VALIDATE)";

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Set<StatementKind> kinds() {
    return EnumSet.of(StatementKind.CREATE_DOMAIN, StatementKind.ALTER_DOMAIN);
  }

  @Override
  public void check(Statement statement, RuleContext context) {
    if (statement instanceof CreateDomain create) {
      for (TableConstraint check : create.checks()) {
        context.report(
            check.span(),
            "Domain "
                + create.name()
                + " carries a CHECK: every later change to it rechecks all"
                + " columns of the domain, in every table that uses it",
            HELP);
      }
    } else if (statement instanceof AlterDomain alter
        && alter.operation() == AlterDomain.Operation.ADD_CONSTRAINT
        && alter.constraint() != null
        && !alter.constraint().notValid()
        && context.isExistingObject(ObjectKind.DOMAIN, alter.name())) {
      context.report(
          alter.constraint().span(),
          "Adding a constraint to domain "
              + alter.name()
              + " checks every column of the domain in every table that uses it",
          "Add it NOT VALID and VALIDATE it in a later transaction, or "
              + HELP.substring(0, 1).toLowerCase()
              + HELP.substring(1));
    }
  }
}
