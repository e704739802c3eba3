package dev.greenlight.linter.rules.lock;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterTableAction.AlterColumnType;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.ddl.TypeName;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.facts.ObjectNames;
import dev.greenlight.linter.rules.facts.Settings;
import dev.greenlight.linter.rules.spi.ColumnFacts;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ALTER COLUMN … TYPE} rewrites the table unless the change is binary-coercible; the safe
 * list is the catalogue's (varchar/text widening, numeric precision widening, varbit widening,
 * timestamp to timestamptz with a UTC session on PostgreSQL 12+).
 */
public final class BanUnsafeTypeChange implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-unsafe-type-change",
          Severity.ERROR,
          Category.LOCK,
          "Changing a column to a type that is not binary-coercible rewrites the table");

  private static final Set<String> UTC = Set.of("utc", "etc/utc", "gmt", "etc/gmt", "z", "zulu");
  private static final String HELP =
      "Expand and contract: add a column of the new type, dual-write, backfill in batches, move"
          + " reads, drop the old column in a later release";

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Set<StatementKind> kinds() {
    return EnumSet.of(StatementKind.ALTER_TABLE);
  }

  @Override
  public void check(Statement statement, RuleContext context) {
    AlterTable alter = (AlterTable) statement;
    if (!context.isExistingTable(alter.table())) {
      return;
    }
    for (AlterTableAction action : alter.actions()) {
      if (action instanceof AlterColumnType change) {
        String column = ObjectNames.column(alter.table(), change.column().value());
        TypeName from =
            context
                .column(alter.table(), change.column().value())
                .map(ColumnFacts::type)
                .orElse(null);
        check(column, from, change, context);
      }
    }
  }

  private static void check(
      String column, TypeName from, AlterColumnType change, RuleContext context) {
    TypeName to = change.type();
    String rewrite = " rewrites the table and its indexes under ACCESS EXCLUSIVE";
    if (change.using() != null) {
      context.report(
          change.span(), "Changing " + column + " to " + to + " USING …" + rewrite, HELP);
      return;
    }
    if (from == null) {
      context.report(
          change.span(),
          "Changing "
              + column
              + " to "
              + to
              + rewrite
              + " unless the old type is binary-coercible"
              + " (the old type is unknown to the linter)",
          HELP);
      return;
    }
    if (from.name().equals("timestamp") && to.name().equals("timestamptz") && sameShape(from, to)) {
      if (context.pgVersion() < 12) {
        context.report(
            change.span(),
            "Changing "
                + column
                + " from timestamp to timestamptz"
                + rewrite
                + " on PostgreSQL "
                + context.pgVersion()
                + " (12+ skips it in a UTC session)",
            HELP);
      } else if (!utcSession(context)) {
        context.report(
            change.span(),
            "Changing "
                + column
                + " from timestamp to timestamptz"
                + " avoids the rewrite only when the session time zone is UTC, and the migration does"
                + " not set it",
            "SET TIME ZONE 'UTC' earlier in the migration (PostgreSQL 12+ then"
                + " skips the rewrite), or expand and contract");
      }
      return;
    }
    if (!binaryCoercible(from, to)) {
      context.report(
          change.span(),
          "Changing "
              + column
              + " from "
              + from
              + " to "
              + to
              + rewrite
              + ", and the running release still expects "
              + from,
          HELP);
    }
  }

  static boolean binaryCoercible(TypeName from, TypeName to) {
    if (!sameShape(from, to)) {
      return false;
    }
    String a = from.name();
    String b = to.name();
    if (from.isArray()) {
      // an element coercion of an array is a rewrite even when the elements relabel (PostgreSQL
      // checks the top-level expression only)
      return a.equals(b) && from.modifiers().equals(to.modifiers());
    }
    if (isText(a) && b.equals("text")) {
      return true;
    }
    if (isText(a) && b.equals("varchar")) {
      return to.length() < 0
          || a.equals("varchar") && from.length() >= 0 && to.length() >= from.length();
    }
    if (a.equals("numeric") && b.equals("numeric")) {
      if (to.modifiers().isEmpty()) {
        return true;
      }
      return !from.modifiers().isEmpty()
          && to.length() >= from.length()
          && Math.max(to.scale(), 0) == Math.max(from.scale(), 0);
    }
    if (a.equals("varbit") && b.equals("varbit")) {
      return to.length() < 0 || from.length() >= 0 && to.length() >= from.length();
    }
    return a.equals(b) && from.modifiers().equals(to.modifiers());
  }

  private static boolean isText(String name) {
    return name.equals("varchar") || name.equals("text");
  }

  private static boolean sameShape(TypeName from, TypeName to) {
    return from.arrayDimensions() == to.arrayDimensions();
  }

  private static boolean utcSession(RuleContext context) {
    String zone = Settings.current(context, "timezone").orElse(null);
    if (zone == null) {
      zone = Settings.current(context, "time zone").orElse("");
    }
    return UTC.contains(zone.trim().toLowerCase(Locale.ROOT));
  }
}
