package dev.greenlight.linter.rules.lock;

import dev.greenlight.linter.ddl.DropStatement;
import dev.greenlight.linter.ddl.ObjectKind;
import dev.greenlight.linter.ddl.QualifiedName;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** {@code DROP INDEX} without {@code CONCURRENTLY} takes ACCESS EXCLUSIVE on the table. */
public final class RequireConcurrentIndexDrop implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "require-concurrent-index-drop",
          Severity.WARNING,
          Category.LOCK,
          "DROP INDEX should use CONCURRENTLY");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Set<StatementKind> kinds() {
    return EnumSet.of(StatementKind.DROP);
  }

  @Override
  public void check(Statement statement, RuleContext context) {
    DropStatement drop = (DropStatement) statement;
    if (drop.objectKind() != ObjectKind.INDEX || drop.concurrently()) {
      return;
    }
    for (QualifiedName index : drop.names()) {
      Optional<QualifiedName> table = context.tableOfIndex(index);
      if (table.isPresent() && !context.isExistingTable(table.get())) {
        continue;
      }
      String on = table.map(t -> " locks " + t).orElse(" locks its table");
      context.report(
          index.span(),
          "Dropping index " + index + " without CONCURRENTLY" + on + " (ACCESS EXCLUSIVE)",
          "Use DROP INDEX CONCURRENTLY, one index per statement, in a migration of its own");
    }
  }
}
