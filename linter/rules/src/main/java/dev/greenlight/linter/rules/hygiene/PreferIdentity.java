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

/** {@code serial} columns: identity columns are the standard replacement. */
public final class PreferIdentity implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "prefer-identity",
          Severity.INFO,
          Category.HYGIENE,
          "Prefer identity columns over serial");

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
      if (d.definition() != null && d.type().isSerial()) {
        String base =
            d.type().name().equals("smallserial")
                ? "smallint"
                : d.type().name().equals("serial") ? "integer" : "bigint";
        context.report(
            d.type().span(),
            "Column "
                + ObjectNames.column(d.table(), d.column())
                + " is "
                + d.type()
                + ": its sequence needs separate grants and care when copying the table",
            "Use " + base + " GENERATED ALWAYS AS IDENTITY (or BY DEFAULT)");
      }
    }
  }
}
