package dev.greenlight.linter.rules.lock;

import dev.greenlight.linter.ddl.DataStatement;
import dev.greenlight.linter.ddl.Expression;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/** An UPDATE or DELETE of a whole existing table in one migration transaction. */
public final class BanUnbatchedBackfill implements StatementRule {

  private static final Pattern NULL_TESTS =
      Pattern.compile(
          "(?is)\\(?\\s*[\\w.\"]+\\s+is\\s+(not\\s+)?null\\s*\\)?"
              + "(\\s+(and|or)\\s+\\(?\\s*[\\w.\"]+\\s+is\\s+(not\\s+)?null\\s*\\)?)*");

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-unbatched-backfill",
          Severity.WARNING,
          Category.LOCK,
          "UPDATE or DELETE of an existing table without a bounded predicate inside a schema"
              + " migration");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Set<StatementKind> kinds() {
    return EnumSet.of(StatementKind.UPDATE, StatementKind.DELETE);
  }

  @Override
  public void check(Statement statement, RuleContext context) {
    DataStatement data = (DataStatement) statement;
    Expression where = where(statement);
    boolean bounded =
        data.bounded() && (limited(statement) || where == null || !nullTestOnly(where));
    if (data.table() == null || bounded || !context.isExistingTable(data.table())) {
      return;
    }
    String verb = statement.kind() == StatementKind.UPDATE ? "Updating" : "Deleting from";
    String scope =
        where != null
            ? " where " + where.text() + " (can match every row)"
            : " without a WHERE clause";
    context.report(
        statement.span(),
        verb
            + " "
            + data.table()
            + scope
            + " touches the whole table in one transaction: long row locks against the running"
            + " release, bloat and replication lag",
        "Backfill in bounded batches (e.g. WHERE id IN (SELECT id … LIMIT 5000)), each in its own"
            + " transaction, outside the DDL migration");
  }

  private static Expression where(Statement statement) {
    if (statement instanceof DataStatement.Update u) {
      return u.where();
    }
    return statement instanceof DataStatement.Delete d ? d.where() : null;
  }

  private static boolean limited(Statement statement) {
    return statement instanceof DataStatement.Update u && u.limited()
        || statement instanceof DataStatement.Delete d && d.limited();
  }

  /** {@code col IS NULL} (and ANDs of such tests) is the classic whole-table backfill filter. */
  private static boolean nullTestOnly(Expression where) {
    return NULL_TESTS.matcher(where.text().trim()).matches();
  }
}
