package dev.greenlight.linter.rules.hygiene;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterTableAction.AddColumn;
import dev.greenlight.linter.ddl.AlterTableAction.AddConstraint;
import dev.greenlight.linter.ddl.AlterTableAction.RenameColumn;
import dev.greenlight.linter.ddl.AlterTableAction.RenameConstraint;
import dev.greenlight.linter.ddl.AlterTableAction.RenameTable;
import dev.greenlight.linter.ddl.ColumnDefinition;
import dev.greenlight.linter.ddl.CreateIndex;
import dev.greenlight.linter.ddl.CreateSequence;
import dev.greenlight.linter.ddl.CreateTable;
import dev.greenlight.linter.ddl.CreateTrigger;
import dev.greenlight.linter.ddl.CreateView;
import dev.greenlight.linter.ddl.Name;
import dev.greenlight.linter.ddl.QualifiedName;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.ddl.TableConstraint;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import dev.greenlight.linter.sql.Span;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/** Names over 63 bytes (NAMEDATALEN - 1) are truncated without an error. */
public final class BanLongIdentifier implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-long-identifier",
          Severity.WARNING,
          Category.HYGIENE,
          "Identifiers longer than 63 bytes are silently truncated");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  private static final int MAX_BYTES = 63;

  @Override
  public Set<StatementKind> kinds() {
    return EnumSet.of(
        StatementKind.CREATE_TABLE,
        StatementKind.ALTER_TABLE,
        StatementKind.CREATE_INDEX,
        StatementKind.CREATE_VIEW,
        StatementKind.CREATE_MATERIALIZED_VIEW,
        StatementKind.CREATE_SEQUENCE,
        StatementKind.CREATE_TRIGGER);
  }

  @Override
  public void check(Statement statement, RuleContext context) {
    if (statement instanceof CreateTable create) {
      check(create.table(), context);
      for (ColumnDefinition c : create.columns()) {
        check(c.name(), context);
        c.constraints().forEach(k -> check(k.name(), context));
      }
      create.constraints().forEach(k -> check(k.name(), context));
    } else if (statement instanceof AlterTable alter) {
      for (AlterTableAction action : alter.actions()) {
        if (action instanceof AddColumn add) {
          check(add.column().name(), context);
          add.column().constraints().forEach(k -> check(k.name(), context));
        } else if (action instanceof AddConstraint add) {
          TableConstraint k = add.constraint();
          check(k.name(), context);
        } else if (action instanceof RenameColumn rename) {
          check(rename.to(), context);
        } else if (action instanceof RenameTable rename) {
          check(rename.newName(), context);
        } else if (action instanceof RenameConstraint rename) {
          check(rename.to(), context);
        }
      }
    } else if (statement instanceof CreateIndex index) {
      check(index.name(), context);
    } else if (statement instanceof CreateView view) {
      check(view.name(), context);
    } else if (statement instanceof CreateSequence sequence) {
      check(sequence.name(), context);
    } else if (statement instanceof CreateTrigger trigger) {
      check(trigger.name(), context);
    }
  }

  private static void check(QualifiedName name, RuleContext context) {
    if (name != null) {
      report(name.name(), name.span(), context);
    }
  }

  private static void check(Name name, RuleContext context) {
    if (name != null) {
      report(name.value(), name.span(), context);
    }
  }

  private static void report(String identifier, Span span, RuleContext context) {
    int bytes = identifier.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      String kept = truncate(identifier);
      context.report(
          span,
          "Identifier "
              + identifier
              + " is "
              + bytes
              + " bytes long: PostgreSQL silently"
              + " truncates it to "
              + kept,
          "Use a name of at most 63 bytes");
    }
  }

  private static String truncate(String identifier) {
    StringBuilder b = new StringBuilder();
    int used = 0;
    for (int i = 0; i < identifier.length(); ) {
      int cp = identifier.codePointAt(i);
      int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (used + len > MAX_BYTES) {
        break;
      }
      b.appendCodePoint(cp);
      used += len;
      i += Character.charCount(cp);
    }
    return b.toString();
  }
}
