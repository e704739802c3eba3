package dev.greenlight.linter.rules.compat;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterTableAction.DropDefault;
import dev.greenlight.linter.ddl.AlterTableAction.SetDefault;
import dev.greenlight.linter.ddl.Name;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.facts.ObjectNames;
import dev.greenlight.linter.rules.spi.ColumnFacts;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code DROP DEFAULT} (or {@code SET DEFAULT NULL}) on a NOT NULL column: the running release's
 * INSERTs that omit the column start failing. Whether the column is NOT NULL comes from the
 * replayed schema, whichever migration made it so.
 */
public final class BanDropDefault implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-drop-default",
          Severity.ERROR,
          Category.COMPAT,
          "Dropping the default of a NOT NULL column breaks the old release's inserts");

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
      Name column = null;
      if (action instanceof DropDefault drop) {
        column = drop.column();
      } else if (action instanceof SetDefault set && set.expression().isNull()) {
        column = set.column();
      }
      if (column == null) {
        continue;
      }
      Optional<ColumnFacts> facts = context.column(alter.table(), column.value());
      if (facts.isPresent() && facts.get().notNull() && facts.get().existing()) {
        context.report(
            action.span(),
            "Dropping the default of NOT NULL column "
                + ObjectNames.column(alter.table(), column.value())
                + " makes the release still running fail on INSERTs that omit it",
            "Keep the default until no running release omits the column (contract phase)");
      }
    }
  }
}
