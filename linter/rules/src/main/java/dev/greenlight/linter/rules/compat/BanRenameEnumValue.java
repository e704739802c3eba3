package dev.greenlight.linter.rules.compat;

import dev.greenlight.linter.ddl.AlterType;
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

/** {@code ALTER TYPE … RENAME VALUE}: the running release still writes the old label. */
public final class BanRenameEnumValue implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-rename-enum-value",
          Severity.ERROR,
          Category.COMPAT,
          "Renaming an enum value breaks the release still running");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Set<StatementKind> kinds() {
    return EnumSet.of(StatementKind.ALTER_TYPE);
  }

  @Override
  public void check(Statement statement, RuleContext context) {
    AlterType alter = (AlterType) statement;
    if (alter.operation() == AlterType.Operation.RENAME_VALUE
        && context.isExistingObject(ObjectKind.TYPE, alter.name())) {
      context.report(
          alter.span(),
          "Renaming value '"
              + alter.value()
              + "' of "
              + alter.name()
              + " to '"
              + alter.newValue()
              + "' breaks the release still running: it writes and compares '"
              + alter.value()
              + "'",
          "ALTER TYPE "
              + alter.name()
              + " ADD VALUE '"
              + alter.newValue()
              + "', handle both labels, backfill, and retire '"
              + alter.value()
              + "' later");
    }
  }
}
