package dev.greenlight.linter.rules.compat;

import dev.greenlight.linter.ddl.QualifiedName;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.ddl.Truncate;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.Set;

/** {@code TRUNCATE} deletes the running release's data (and, with CASCADE, other tables'). */
public final class BanTruncate implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-truncate", Severity.ERROR, Category.COMPAT, "Truncating an existing table");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Set<StatementKind> kinds() {
    return EnumSet.of(StatementKind.TRUNCATE);
  }

  @Override
  public void check(Statement statement, RuleContext context) {
    Truncate truncate = (Truncate) statement;
    for (QualifiedName table : truncate.tables()) {
      if (context.isExistingTable(table)) {
        context.report(
            table.span(),
            "Truncating "
                + table
                + " deletes all its rows under ACCESS EXCLUSIVE"
                + (truncate.cascade()
                    ? ", and CASCADE empties every table that references it"
                    : ""),
            "Delete explicitly and in batches, naming the rows to remove");
      }
    }
  }
}
