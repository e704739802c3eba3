package dev.greenlight.linter.verify;

import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.rules.RuleRegistry;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.verify.apply.AppliedStatement;
import dev.greenlight.linter.verify.apply.PendingMigration;
import dev.greenlight.linter.verify.apply.PendingStatement;
import dev.greenlight.linter.verify.compat.CompatibilityTracker;
import dev.greenlight.linter.verify.observe.ObservedLock;
import dev.greenlight.linter.verify.observe.Relation;
import dev.greenlight.linter.verify.observe.StatementObservation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Turns what verify observed into findings of the report, at the statement's exact span. */
final class ObservedFindings {
  private ObservedFindings() {}

  static List<Finding> forStatements(List<AppliedStatement> applied, int pgMajor) {
    List<Finding> findings = new ArrayList<>();
    for (AppliedStatement a : applied) {
      StatementObservation o = a.observation();
      if (o.failed()) {
        findings.add(
            finding(
                RuleRegistry.OBSERVED_FAILURE,
                a.migration(),
                a.statement(),
                a.migration().fileName()
                    + ": `"
                    + a.statement().summary()
                    + "` failed on PostgreSQL "
                    + pgMajor
                    + " with seeded rows: "
                    + o.error()
                    + " (later pending statements were not applied)",
                failureHelp(o.error())));
        continue;
      }
      for (ObservedLock lock : strongestPerTable(o.locks())) {
        if (!lock.mode().blocksTraffic() || o.workWhileHeld().isEmpty()) {
          continue; // a catalog-only change: the lock is brief (lint's require-lock-timeout)
        }
        List<String> work = names(o.workWhileHeld());
        findings.add(
            finding(
                RuleRegistry.OBSERVED_EXCLUSIVE_LOCK,
                a.migration(),
                a.statement(),
                a.migration().fileName()
                    + ": `"
                    + a.statement().summary()
                    + "` took "
                    + lock.mode().label()
                    + " on "
                    + lock.relation().displayName()
                    + " (blocks "
                    + lock.mode().blockedTraffic()
                    + ") and held it "
                    + millis(o.heldUntilEnd())
                    + " while "
                    + String.join(", ", work)
                    + (work.size() == 1 ? " was" : " were")
                    + " scanned or rewritten",
                help(lock)));
      }
      List<Relation> rewrittenTables =
          o.rewritten().stream().filter(r -> !r.isIndex()).collect(Collectors.toList());
      List<Relation> rewrittenIndexes =
          o.rewritten().stream()
              .filter(
                  r ->
                      r.isIndex()
                          && rewrittenTables.stream().noneMatch(t -> t.oid() == r.tableOid()))
              .collect(Collectors.toList());
      if (!rewrittenTables.isEmpty() || !rewrittenIndexes.isEmpty()) {
        List<String> what = new ArrayList<>();
        if (!rewrittenTables.isEmpty()) {
          what.add("table " + String.join(", ", names(rewrittenTables)));
        }
        if (!rewrittenIndexes.isEmpty()) {
          what.add("index " + String.join(", ", names(rewrittenIndexes)));
        }
        findings.add(
            finding(
                RuleRegistry.OBSERVED_TABLE_REWRITE,
                a.migration(),
                a.statement(),
                a.migration().fileName()
                    + ": `"
                    + a.statement().summary()
                    + "` rewrote "
                    + String.join(" and ", what)
                    + " (relfilenode changed) in "
                    + millis(o.duration())
                    + "; on a large table this takes minutes under its lock",
                "Avoid the rewrite: add the column without a volatile default and backfill in"
                    + " batches, use a binary-coercible type change, or build a new table and"
                    + " copy"));
      }
    }
    return findings;
  }

  static List<Finding> forQueries(CompatibilityTracker tracker) {
    List<Finding> findings = new ArrayList<>();
    for (CompatibilityTracker.Break b : tracker.breaks()) {
      findings.add(
          finding(
              RuleRegistry.OLD_QUERY_BREAKS,
              b.migration(),
              b.statement(),
              "The running release's query at "
                  + b.query().location()
                  + " no longer prepares after "
                  + b.migration().fileName()
                  + " (`"
                  + b.statement().summary()
                  + "`): "
                  + b.error()
                  + " — query: "
                  + b.query().summary(),
              "Expand/contract: keep what the running release uses until a later release stops"
                  + " using it, then remove it in the release after"));
    }
    for (CompatibilityTracker.Dependency d : tracker.dependencies()) {
      findings.add(
          finding(
              RuleRegistry.NEW_QUERY_NEEDS_MIGRATION,
              d.migration(),
              d.statement(),
              "The new release's query at "
                  + d.query().location()
                  + " prepares only after "
                  + d.migration().fileName()
                  + " (`"
                  + d.statement().summary()
                  + "`); before it: "
                  + d.errorBefore()
                  + " — switching back to the old schema would break it. Query: "
                  + d.query().summary(),
              "Keep the new release working on the old schema (feature flag, fallback), or"
                  + " accept that the switch back needs this migration to stay applied"));
    }
    return findings;
  }

  /** The safe alternative for the usual causes, by SQLSTATE. */
  static String failureHelp(String error) {
    String state = error.length() >= 5 ? error.substring(0, 5) : "";
    return switch (state) {
      case "23502" ->
          "Add the column nullable or with a constant default, backfill in batches, then add"
              + " CHECK (c IS NOT NULL) NOT VALID, VALIDATE it and SET NOT NULL";
      case "23505" ->
          "Remove the duplicates first, then build the unique index CONCURRENTLY and attach it"
              + " with ADD CONSTRAINT … UNIQUE USING INDEX";
      case "23514", "23503" ->
          "Fix the rows first, or add the constraint NOT VALID (new rows are checked at once)"
              + " and VALIDATE it after a backfill";
      case "25001" ->
          "Put the statement alone in a non-transactional migration (executeInTransaction=false"
              + " in its .sql.conf)";
      case "42P01", "42703", "42883", "42704" ->
          "The statement needs an object the running release's schema does not have: check the"
              + " migration order and --from-version/--since";
      default ->
          "Make the statement succeed on the running release's schema with rows in its tables";
    };
  }

  private static String help(ObservedLock lock) {
    return switch (lock.mode()) {
      case SHARE -> "Build indexes with CREATE INDEX CONCURRENTLY in a non-transactional migration";
      case SHARE_ROW_EXCLUSIVE ->
          "Add foreign keys NOT VALID, then VALIDATE CONSTRAINT in a later transaction";
      default ->
          "Split the change so the exclusive lock is held only for a catalog update: NOT VALID"
              + " constraints validated later, nullable columns backfilled in batches, and one"
              + " dangerous statement per transaction with a lock_timeout";
    };
  }

  private static Finding finding(
      RuleDescriptor rule,
      PendingMigration migration,
      PendingStatement statement,
      String message,
      String help) {
    return new Finding(
        rule.id(),
        rule.severity(),
        rule.category(),
        message,
        help,
        migration.path(),
        statement.line(),
        statement.column(),
        statement.endLine(),
        statement.endColumn(),
        false);
  }

  /** Distinct display names (a rewritten relation shows up with its old and new file node). */
  private static List<String> names(java.util.Collection<Relation> relations) {
    return relations.stream().map(Relation::displayName).distinct().collect(Collectors.toList());
  }

  /** One lock per table: the strongest mode the statement took on it. */
  private static List<ObservedLock> strongestPerTable(List<ObservedLock> locks) {
    java.util.Map<Long, ObservedLock> strongest = new java.util.LinkedHashMap<>();
    for (ObservedLock l : locks) {
      strongest.merge(l.relation().oid(), l, (a, b) -> a.mode().compareTo(b.mode()) >= 0 ? a : b);
    }
    return List.copyOf(strongest.values());
  }

  private static String millis(Duration d) {
    long ms = d.toMillis();
    return ms == 0 ? "under 1 ms" : ms + " ms";
  }
}
