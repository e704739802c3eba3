package dev.greenlight.linter.rules.compat;

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
import java.util.Set;

/** {@code DROP TABLE} of a table the running release may still use. */
public final class BanDropTable implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-drop-table",
          Severity.ERROR,
          Category.COMPAT,
          "Dropping an existing table breaks the release still running");

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
    if (drop.objectKind() != ObjectKind.TABLE && drop.objectKind() != ObjectKind.FOREIGN_TABLE) {
      return;
    }
    for (QualifiedName table : drop.names()) {
      if (context.isExistingTable(table)) {
        context.report(
            table.span(),
            "Dropping table "
                + table
                + " breaks the release still running and loses its data; switching back is"
                + " impossible",
            "Stop using the table in release N, drop it in release N+1");
      }
    }
  }
}
