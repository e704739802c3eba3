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

/** {@code ADD PRIMARY KEY} builds an index (and may scan for NULLs) under ACCESS EXCLUSIVE. */
public final class RequirePrimaryKeyUsingIndex implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "require-primary-key-using-index",
          Severity.ERROR,
          Category.LOCK,
          "A primary key on an existing table must use a concurrently built index");

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
    for (TableConstraint pk : RequireUniqueUsingIndex.added(alter, ConstraintType.PRIMARY_KEY)) {
      if (pk.usingIndex() != null) {
        continue;
      }
      String index = pk.nameValue() == null ? alter.table().name() + "_pkey" : pk.nameValue();
      context.report(
          pk.span(),
          "Adding a primary key to "
              + alter.table()
              + " builds its unique index under ACCESS EXCLUSIVE: no reads or writes during the"
              + " build",
          "CREATE UNIQUE INDEX CONCURRENTLY "
              + index
              + ", make the columns NOT NULL safely, then"
              + " ADD CONSTRAINT "
              + index
              + " PRIMARY KEY USING INDEX "
              + index);
    }
  }
}
