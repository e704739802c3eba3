package dev.greenlight.linter.rules.compat;

import dev.greenlight.linter.ddl.AlterObject;
import dev.greenlight.linter.ddl.ObjectKind;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.Set;

/** {@code ALTER SCHEMA … RENAME TO}: every schema-qualified query of the running release breaks. */
public final class BanRenameSchema implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-rename-schema",
          Severity.ERROR,
          Category.COMPAT,
          "Renaming a schema breaks the release still running");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Set<StatementKind> kinds() {
    return EnumSet.of(StatementKind.ALTER_OBJECT);
  }

  @Override
  public void check(Statement statement, RuleContext context) {
    AlterObject alter = (AlterObject) statement;
    if (alter.objectKind() == ObjectKind.SCHEMA
        && alter.operation() == AlterObject.Operation.RENAME
        && context.isExistingObject(ObjectKind.SCHEMA, alter.name())) {
      context.report(
          alter.span(),
          "Renaming schema "
              + alter.name()
              + " to "
              + alter.newName().value()
              + " breaks every query of the release still running that names the schema",
          "Create the new schema and move objects in expand/contract steps, or keep the name");
    }
  }
}
