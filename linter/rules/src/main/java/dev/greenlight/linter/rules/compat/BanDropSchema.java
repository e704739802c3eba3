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

/** {@code DROP SCHEMA} and {@code DROP DATABASE} remove everything inside at once. */
public final class BanDropSchema implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-drop-schema", Severity.ERROR, Category.COMPAT, "Dropping a schema or a database");

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
    if (drop.objectKind() != ObjectKind.SCHEMA && drop.objectKind() != ObjectKind.DATABASE) {
      return;
    }
    for (QualifiedName name : drop.names()) {
      if (drop.objectKind() == ObjectKind.SCHEMA
          && !context.isExistingObject(ObjectKind.SCHEMA, name)) {
        continue;
      }
      context.report(
          name.span(),
          "Dropping "
              + drop.objectKind().sql()
              + " "
              + name
              + " removes everything in it: the release still running breaks and the data is"
              + " gone",
          "Drop the objects one by one in contract phases; drop the empty "
              + drop.objectKind().sql()
              + " once no release uses it");
    }
  }
}
