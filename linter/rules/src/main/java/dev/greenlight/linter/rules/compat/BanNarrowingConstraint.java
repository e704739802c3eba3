package dev.greenlight.linter.rules.compat;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterTableAction.AddConstraint;
import dev.greenlight.linter.ddl.AlterTableAction.SetNotNull;
import dev.greenlight.linter.ddl.ConstraintType;
import dev.greenlight.linter.ddl.CreateIndex;
import dev.greenlight.linter.ddl.Name;
import dev.greenlight.linter.ddl.QualifiedName;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.ddl.TableConstraint;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.facts.ObjectNames;
import dev.greenlight.linter.rules.spi.ColumnFacts;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A new CHECK, UNIQUE, PRIMARY KEY, FOREIGN KEY or NOT NULL on an existing table rejects writes the
 * running release may still make; the message says which writes. NOT VALID does not help: new
 * writes are checked at once.
 */
public final class BanNarrowingConstraint implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-narrowing-constraint",
          Severity.WARNING,
          Category.COMPAT,
          "A new constraint that the old release's writes may violate");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  private static final String HELP =
      "Make the release still running comply first (release N), add the constraint in release N+1";

  @Override
  public Set<StatementKind> kinds() {
    return EnumSet.of(StatementKind.ALTER_TABLE, StatementKind.CREATE_INDEX);
  }

  @Override
  public void check(Statement statement, RuleContext context) {
    if (statement instanceof CreateIndex index) {
      if (index.unique() && context.isExistingTable(index.table())) {
        context.report(
            index.span(),
            "Unique index on "
                + index.table()
                + " "
                + index.columns()
                + " makes INSERTs and UPDATEs of the release still running fail when they repeat"
                + " a value",
            HELP);
      }
      return;
    }
    AlterTable alter = (AlterTable) statement;
    QualifiedName table = alter.table();
    if (!context.isExistingTable(table)) {
      return;
    }
    for (AlterTableAction action : alter.actions()) {
      String writes = null;
      if (action instanceof AddConstraint add && add.constraint().usingIndex() == null) {
        writes = writes(table, add.constraint());
      } else if (action instanceof SetNotNull set
          && context.column(table, set.column().value()).map(ColumnFacts::existing).orElse(true)) {
        writes =
            "INSERTs that omit "
                + ObjectNames.column(table, set.column().value())
                + " or write NULL to it";
      }
      if (writes != null) {
        context.report(
            action.span(),
            "New constraint on "
                + table
                + ": "
                + writes
                + (writes.endsWith(",") ? "" : ",")
                + " made by the release still running, start failing",
            HELP);
      }
    }
  }

  private static String writes(QualifiedName table, TableConstraint k) {
    return switch (k.type()) {
      case CHECK ->
          "INSERTs and UPDATEs of "
              + table
              + " that violate CHECK ("
              + (k.check() == null ? "…" : k.check().text())
              + ")";
      case UNIQUE, PRIMARY_KEY ->
          "INSERTs and UPDATEs of "
              + table
              + " that repeat a value of "
              + names(k.columns())
              + (k.type() == ConstraintType.PRIMARY_KEY ? " or write NULL" : "");
      case FOREIGN_KEY ->
          "INSERTs and UPDATEs of "
              + table
              + " "
              + names(k.columns())
              + " without a matching "
              + k.references().table()
              + " row, and DELETEs of referenced "
              + k.references().table()
              + " rows,";
      case NOT_NULL -> "INSERTs and UPDATEs writing NULL to " + names(k.columns());
      case EXCLUDE -> "INSERTs and UPDATEs of " + table + " that conflict with existing rows";
    };
  }

  private static String names(List<Name> columns) {
    StringBuilder b = new StringBuilder("(");
    for (Name n : columns) {
      b.append(b.length() > 1 ? ", " : "").append(n.value());
    }
    return b.append(')').toString();
  }
}
