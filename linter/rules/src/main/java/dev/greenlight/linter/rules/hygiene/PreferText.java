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

/** Off by default: length limits in the type are hard to change and {@code char} pads. */
public final class PreferText implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.off(
          "prefer-text",
          Severity.INFO,
          Category.HYGIENE,
          "Prefer text over varchar(n) and char(n)");

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
      String name = d.type().name();
      if (name.equals("char") || name.equals("varchar") && !d.type().modifiers().isEmpty()) {
        context.report(
            d.type().span(),
            "Column "
                + ObjectNames.column(d.table(), d.column())
                + " is "
                + d.type()
                + ": the length limit lives in the type, where changing it is harder"
                + (name.equals("char") ? ", and char pads with spaces" : ""),
            "Use text, with CHECK (length(" + d.column() + ") <= n) if the limit matters");
      }
    }
  }
}
