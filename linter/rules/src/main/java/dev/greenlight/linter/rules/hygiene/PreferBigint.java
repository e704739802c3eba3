package dev.greenlight.linter.rules.hygiene;

import dev.greenlight.linter.ddl.ColumnDefinition;
import dev.greenlight.linter.ddl.ConstraintType;
import dev.greenlight.linter.ddl.CreateTable;
import dev.greenlight.linter.ddl.Name;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.ddl.TableConstraint;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.facts.ObjectNames;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** Primary keys of 16 or 32 bits run out of values; widening them later is a rewrite. */
public final class PreferBigint implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "prefer-bigint",
          Severity.INFO,
          Category.HYGIENE,
          "Prefer bigint over int and smallint for key columns");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  private static final Set<String> NARROW = Set.of("integer", "smallint", "serial", "smallserial");

  @Override
  public Set<StatementKind> kinds() {
    return EnumSet.of(StatementKind.CREATE_TABLE, StatementKind.ALTER_TABLE);
  }

  @Override
  public void check(Statement statement, RuleContext context) {
    Set<String> keyColumns = new HashSet<>();
    if (statement instanceof CreateTable create) {
      for (TableConstraint k : create.constraints()) {
        if (k.type() == ConstraintType.PRIMARY_KEY) {
          k.columns().stream().map(Name::value).forEach(keyColumns::add);
        }
      }
    }
    for (ColumnTypes.Declared d : ColumnTypes.of(statement)) {
      ColumnDefinition c = d.definition();
      boolean key =
          c != null
              && (keyColumns.contains(d.column())
                  || c.constraint(ConstraintType.PRIMARY_KEY) != null);
      if (key && d.type().arrayDimensions() == 0 && NARROW.contains(d.type().name())) {
        context.report(
            d.type().span(),
            "Key column "
                + ObjectNames.column(d.table(), d.column())
                + " is "
                + d.type()
                + ": it runs out of values, and widening it later rewrites the table and every"
                + " table that references it",
            "Use bigint (bigint GENERATED ALWAYS AS IDENTITY for generated keys)");
      }
    }
  }
}
