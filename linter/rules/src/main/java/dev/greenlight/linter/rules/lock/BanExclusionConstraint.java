package dev.greenlight.linter.rules.lock;

import dev.greenlight.linter.ddl.AlterTable;
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

/** Exclusion constraints have no NOT VALID or USING INDEX form: the build blocks everything. */
public final class BanExclusionConstraint implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-exclusion-constraint",
          Severity.ERROR,
          Category.LOCK,
          "An exclusion constraint on an existing table is built under ACCESS EXCLUSIVE");

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
    for (TableConstraint exclude : RequireUniqueUsingIndex.added(alter, ConstraintType.EXCLUDE)) {
      context.report(
          exclude.span(),
          "Adding exclusion constraint"
              + (exclude.nameValue() == null ? "" : " " + exclude.nameValue())
              + " to "
              + alter.table()
              + " builds its index and checks every row under ACCESS EXCLUSIVE (there is no NOT"
              + " VALID form)",
          "Plan a maintenance window, or create the constraint on a new table and move the data");
    }
  }
}
