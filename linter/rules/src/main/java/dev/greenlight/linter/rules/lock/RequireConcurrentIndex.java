package dev.greenlight.linter.rules.lock;

import dev.greenlight.linter.ddl.CreateIndex;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.Set;

/** {@code CREATE INDEX} without {@code CONCURRENTLY} blocks writes for the whole build. */
public final class RequireConcurrentIndex implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "require-concurrent-index",
          Severity.ERROR,
          Category.LOCK,
          "CREATE INDEX on an existing table must use CONCURRENTLY");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Set<StatementKind> kinds() {
    return EnumSet.of(StatementKind.CREATE_INDEX);
  }

  @Override
  public void check(Statement statement, RuleContext context) {
    CreateIndex index = (CreateIndex) statement;
    if (index.concurrently() || index.only() || !context.isExistingTable(index.table())) {
      return;
    }
    String what = index.unique() ? "unique index" : "index";
    String name = index.name() == null ? "" : " " + index.name().value();
    context.report(
        index.span(),
        "Creating "
            + what
            + name
            + " on "
            + index.table()
            + " without CONCURRENTLY blocks writes to "
            + index.table()
            + " (SHARE lock) for the whole build",
        context.isPartitionedTable(index.table())
            ? index.table()
                + " is partitioned, where CONCURRENTLY is not supported: CREATE INDEX … ON ONLY "
                + index.table()
                + ", build each partition's index CONCURRENTLY, then ALTER INDEX … ATTACH"
                + " PARTITION"
            : "Use CREATE "
                + (index.unique() ? "UNIQUE " : "")
                + "INDEX CONCURRENTLY in a migration of its own (it cannot run in a transaction)");
  }
}
