package dev.greenlight.linter.rules.hygiene;

import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.facts.ObjectNames;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.Set;

/** {@code timestamp} without time zone stores wall-clock time, not an instant. */
public final class PreferTimestamptz implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "prefer-timestamptz",
          Severity.INFO,
          Category.HYGIENE,
          "Prefer timestamptz over timestamp without time zone");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Set<StatementKind> kinds() {
    return EnumSet.of(StatementKind.CREATE_TABLE, StatementKind.ALTER_TABLE);
  }

  @Override
  public void check(Statement statement, RuleContext context) {
    for (ColumnTypes.Declared d : ColumnTypes.of(statement)) {
      if (d.type().name().equals("timestamp")) {
        context.report(
            d.type().span(),
            "Column "
                + ObjectNames.column(d.table(), d.column())
                + " is timestamp without time zone: values from different time zones cannot be"
                + " compared",
            "Use timestamptz");
      }
    }
  }
}
