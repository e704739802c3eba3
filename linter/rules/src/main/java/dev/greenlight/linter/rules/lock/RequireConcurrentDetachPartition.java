package dev.greenlight.linter.rules.lock;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterTableAction.DetachPartition;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.Set;

/** {@code DETACH PARTITION} without {@code CONCURRENTLY} locks the whole partitioned table. */
public final class RequireConcurrentDetachPartition implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "require-concurrent-detach-partition",
          Severity.WARNING,
          Category.LOCK,
          "DETACH PARTITION should use CONCURRENTLY (PostgreSQL 14+)");

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
      if (action instanceof DetachPartition detach
          && !detach.concurrently()
          && !detach.finalizeDetach()) {
        String help =
            context.pgVersion() >= 14
                ? "Use DETACH PARTITION "
                    + detach.partition()
                    + " CONCURRENTLY in a migration of"
                    + " its own (SHARE UPDATE EXCLUSIVE instead of ACCESS EXCLUSIVE)"
                : "PostgreSQL "
                    + context.pgVersion()
                    + " has no DETACH PARTITION CONCURRENTLY (added in 14): plan a window";
        context.report(
            detach.span(),
            "Detaching partition "
                + detach.partition()
                + " locks "
                + alter.table()
                + " and all its partitions (ACCESS EXCLUSIVE)",
            help);
      }
    }
  }
}
