package dev.greenlight.linter.rules.compat;

import dev.greenlight.linter.ddl.AlterObject;
import dev.greenlight.linter.ddl.AlterType;
import dev.greenlight.linter.ddl.CreateFunction;
import dev.greenlight.linter.ddl.CreateSequence;
import dev.greenlight.linter.ddl.CreateTrigger;
import dev.greenlight.linter.ddl.CreateType;
import dev.greenlight.linter.ddl.CreateView;
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

/**
 * Dropping or renaming objects other than tables and columns that the running release may use. A
 * drop followed by a re-create of the same name later in the file (redefining a view) is fine.
 */
public final class BanDropDatabaseObject implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-drop-database-object",
          Severity.ERROR,
          Category.COMPAT,
          "Dropping or renaming views, functions, sequences, types or triggers the old release may use");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  private static final Set<ObjectKind> KINDS =
      EnumSet.of(
          ObjectKind.VIEW,
          ObjectKind.MATERIALIZED_VIEW,
          ObjectKind.FUNCTION,
          ObjectKind.PROCEDURE,
          ObjectKind.ROUTINE,
          ObjectKind.SEQUENCE,
          ObjectKind.TYPE,
          ObjectKind.DOMAIN,
          ObjectKind.TRIGGER);

  @Override
  public Set<StatementKind> kinds() {
    return EnumSet.of(StatementKind.DROP, StatementKind.ALTER_OBJECT, StatementKind.ALTER_TYPE);
  }

  @Override
  public void check(Statement statement, RuleContext context) {
    if (statement instanceof DropStatement drop && KINDS.contains(drop.objectKind())) {
      for (QualifiedName name : drop.names()) {
        if (context.isExistingObject(drop.objectKind(), name)
            && !recreatedLater(drop.objectKind(), name, context)) {
          report(context, drop.objectKind(), name, "Dropping");
        }
      }
    } else if (statement instanceof AlterObject alter
        && alter.operation() == AlterObject.Operation.RENAME
        && KINDS.contains(alter.objectKind())
        && context.isExistingObject(alter.objectKind(), alter.name())) {
      report(context, alter.objectKind(), alter.name(), "Renaming");
    } else if (statement instanceof AlterType type
        && type.operation() == AlterType.Operation.RENAME
        && context.isExistingObject(ObjectKind.TYPE, type.name())) {
      report(context, ObjectKind.TYPE, type.name(), "Renaming");
    }
  }

  private static void report(
      RuleContext context, ObjectKind kind, QualifiedName name, String verb) {
    context.report(
        name.span(),
        verb + " " + kind.sql() + " " + name + " breaks the release still running if it uses it",
        "Keep the old "
            + kind.sql()
            + " until the contract phase"
            + (kind == ObjectKind.VIEW ? "; redefine a view with CREATE OR REPLACE VIEW" : ""));
  }

  private static boolean recreatedLater(ObjectKind kind, QualifiedName name, RuleContext context) {
    for (Statement later : context.laterInFile()) {
      QualifiedName created = created(kind, later);
      if (created != null && created.name().equals(name.name())) {
        return true;
      }
    }
    return false;
  }

  private static QualifiedName created(ObjectKind kind, Statement s) {
    return switch (kind) {
      case VIEW, MATERIALIZED_VIEW -> s instanceof CreateView v ? v.name() : null;
      case FUNCTION, PROCEDURE, ROUTINE -> s instanceof CreateFunction f ? f.name() : null;
      case SEQUENCE -> s instanceof CreateSequence q ? q.name() : null;
      case TYPE -> s instanceof CreateType t ? t.name() : null;
      case TRIGGER ->
          s instanceof CreateTrigger t ? new QualifiedName(null, t.name().value(), t.span()) : null;
      default -> null;
    };
  }
}
