package dev.greenlight.linter.verify.compat;

import dev.greenlight.linter.verify.apply.PendingMigration;
import dev.greenlight.linter.verify.apply.PendingStatement;
import dev.greenlight.linter.verify.apply.StatementListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows both releases' queries through the pending migrations.
 *
 * <p>The old (running) release's queries must prepare on the before-state; after every pending
 * statement each is prepared again, and the first statement after which one fails broke it. The new
 * release's queries that do not prepare on the before-state are prepared after every statement
 * until one makes them work: switching back to the old schema would break them.
 */
public final class CompatibilityTracker implements StatementListener {
  /** An old query that stopped preparing after a pending statement. */
  public record Break(
      CapturedQuery query, PendingMigration migration, PendingStatement statement, String error) {}

  /** A new query that needs a pending statement (it fails on the before-state). */
  public record Dependency(
      CapturedQuery query,
      PendingMigration migration,
      PendingStatement statement,
      String errorBefore) {}

  private final List<CapturedQuery> oldQueries;
  private final List<CapturedQuery> newQueries;
  private final List<CapturedQuery> liveOld = new ArrayList<>();
  private final Map<CapturedQuery, String> waitingNew = new LinkedHashMap<>();
  private final List<Break> breaks = new ArrayList<>();
  private final List<Dependency> dependencies = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  public CompatibilityTracker(List<CapturedQuery> oldQueries, List<CapturedQuery> newQueries) {
    this.oldQueries = List.copyOf(oldQueries);
    this.newQueries = List.copyOf(newQueries);
  }

  /** Prepares every query on the before-state; call once before applying. */
  public void baseline(Connection c) throws SQLException {
    for (CapturedQuery q : oldQueries) {
      String error = QueryProbe.prepare(c, q.sql(), false);
      if (error == null) {
        liveOld.add(q);
      } else {
        notes.add(
            "old query at "
                + q.location()
                + " does not prepare even before the pending migrations, so it is not checked: "
                + error);
      }
    }
    for (CapturedQuery q : newQueries) {
      String error = QueryProbe.prepare(c, q.sql(), false);
      if (error != null) {
        waitingNew.put(q, error);
      }
    }
  }

  @Override
  public void afterStatement(
      PendingMigration migration,
      PendingStatement statement,
      Connection connection,
      boolean inTransaction)
      throws SQLException {
    for (var it = liveOld.iterator(); it.hasNext(); ) {
      CapturedQuery q = it.next();
      String error = QueryProbe.prepare(connection, q.sql(), inTransaction);
      if (error != null) {
        breaks.add(new Break(q, migration, statement, error));
        it.remove();
      }
    }
    for (var it = waitingNew.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<CapturedQuery, String> e = it.next();
      if (QueryProbe.prepare(connection, e.getKey().sql(), inTransaction) == null) {
        dependencies.add(new Dependency(e.getKey(), migration, statement, e.getValue()));
        it.remove();
      }
    }
  }

  public List<Break> breaks() {
    return List.copyOf(breaks);
  }

  public List<Dependency> dependencies() {
    return List.copyOf(dependencies);
  }

  /** Queries that could not be judged, for the user's attention (not findings). */
  public List<String> notes() {
    List<String> all = new ArrayList<>(notes);
    for (Map.Entry<CapturedQuery, String> e : waitingNew.entrySet()) {
      all.add(
          "new query at "
              + e.getKey().location()
              + " prepares neither before nor after the pending migrations: "
              + e.getValue());
    }
    return all;
  }
}
