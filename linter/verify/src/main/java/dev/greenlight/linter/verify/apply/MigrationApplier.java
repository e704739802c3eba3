package dev.greenlight.linter.verify.apply;

import dev.greenlight.linter.verify.apply.PendingStatement.TransactionControl;
import dev.greenlight.linter.verify.observe.HeldLock;
import dev.greenlight.linter.verify.observe.LockMode;
import dev.greenlight.linter.verify.observe.LockReader;
import dev.greenlight.linter.verify.observe.LockSampler;
import dev.greenlight.linter.verify.observe.ObservedLock;
import dev.greenlight.linter.verify.observe.Relation;
import dev.greenlight.linter.verify.observe.RelationSnapshot;
import dev.greenlight.linter.verify.observe.StatementObservation;
import dev.greenlight.linter.verify.observe.TableScans;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs pending migrations the way Flyway would — a transactional file in one transaction, a
 * non-transactional file statement by statement with its own {@code BEGIN … COMMIT} blocks — and
 * observes every statement: the relation locks it took (read from {@code pg_locks} on a second
 * connection), rewrites (file node changed), scans, duration and errors.
 *
 * <p>A statement outside any transaction block is run inside a one-statement transaction, which is
 * what autocommit does anyway, so its locks can be read before they are released. A statement that
 * refuses to run in a transaction block ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}) is run
 * in autocommit mode while its locks are sampled. Like Flyway, applying stops at the first failure.
 */
public final class MigrationApplier {
  /** "cannot run inside a transaction block" ({@code CREATE INDEX CONCURRENTLY}, VACUUM). */
  private static final String ACTIVE_SQL_TRANSACTION = "25001";

  /** "invalid transaction termination": a DO block or procedure that COMMITs by itself. */
  private static final String INVALID_TRANSACTION_TERMINATION = "2D000";

  private final Connection migration;
  private final Connection observer;
  private final RelationSnapshot existing;
  private final StatementListener listener;

  /**
   * @param migration the connection that runs the migrations
   * @param observer a second connection that reads {@code pg_locks}
   * @param existing the relations of the before-state: only locks on and rewrites of these matter
   */
  public MigrationApplier(
      Connection migration,
      Connection observer,
      RelationSnapshot existing,
      StatementListener listener) {
    this.migration = migration;
    this.observer = observer;
    this.existing = existing;
    this.listener = listener;
  }

  /** What one statement did, completed when its transaction ends. */
  private static final class Pending {
    final PendingMigration migration;
    final PendingStatement statement;
    final List<ObservedLock> locks;
    final List<Relation> rewritten;
    final Set<Relation> scanned;
    final long startNanos;
    final long durationNanos;
    final boolean inTransaction;
    final String error;

    Pending(
        PendingMigration migration,
        PendingStatement statement,
        List<ObservedLock> locks,
        List<Relation> rewritten,
        Set<Relation> scanned,
        long startNanos,
        long durationNanos,
        boolean inTransaction,
        String error) {
      this.migration = migration;
      this.statement = statement;
      this.locks = locks;
      this.rewritten = rewritten;
      this.scanned = scanned;
      this.startNanos = startNanos;
      this.durationNanos = durationNanos;
      this.inTransaction = inTransaction;
      this.error = error;
    }
  }

  /** Applies the migrations in order; stops after the first statement that fails. */
  public ApplyResult apply(List<PendingMigration> migrations) throws SQLException {
    int pid = backendPid();
    List<AppliedStatement> applied = new ArrayList<>();
    try (LockReader reader = new LockReader(observer)) {
      for (PendingMigration m : migrations) {
        if (!applyMigration(m, reader, pid, applied)) {
          return new ApplyResult(applied, true);
        }
      }
    } finally {
      if (!migration.getAutoCommit()) {
        migration.rollback();
        migration.setAutoCommit(true);
      }
    }
    return new ApplyResult(applied, false);
  }

  /** Runs a file's statements, grouped into the transactions Flyway would run them in. */
  private boolean applyMigration(
      PendingMigration m, LockReader reader, int pid, List<AppliedStatement> applied)
      throws SQLException {
    List<PendingStatement> statements = m.statements();
    int i = 0;
    while (i < statements.size()) {
      PendingStatement first = statements.get(i);
      if (!first.inBlock()) {
        i++;
        if (first.control() != TransactionControl.NONE) {
          continue; // a COMMIT or ROLLBACK outside a block only draws a server warning
        }
        if (!applyAlone(m, first, reader, pid, applied)) {
          return false;
        }
        continue;
      }
      int end = i;
      while (end < statements.size()
          && statements.get(end).inBlock()
          && statements.get(end).transaction() == first.transaction()) {
        end++;
      }
      if (!applyBlock(m, statements.subList(i, end), reader, pid, applied)) {
        return false;
      }
      i = end;
    }
    return true;
  }

  /** One transaction block: Flyway's own around a file, or an explicit BEGIN … COMMIT. */
  private boolean applyBlock(
      PendingMigration m,
      List<PendingStatement> block,
      LockReader reader,
      int pid,
      List<AppliedStatement> applied)
      throws SQLException {
    migration.setAutoCommit(false);
    List<Pending> transaction = new ArrayList<>();
    boolean rollback = false;
    for (PendingStatement s : block) {
      if (s.control() != TransactionControl.NONE) {
        rollback = s.control() == TransactionControl.ROLLBACK;
        continue; // the block itself is the JDBC transaction
      }
      Pending p = runInTransaction(m, s, reader, pid);
      transaction.add(p);
      if (p.error != null) {
        migration.rollback();
        migration.setAutoCommit(true);
        finish(transaction, applied);
        return false;
      }
      listener.afterStatement(m, s, migration, true);
    }
    if (rollback) {
      migration.rollback();
    } else {
      migration.commit();
    }
    migration.setAutoCommit(true);
    finish(transaction, applied);
    return true;
  }

  /**
   * A statement outside any block. It runs in a one-statement transaction (what autocommit does) so
   * its locks can be read before they are released; a statement that refuses a transaction block
   * runs again in autocommit mode with its locks sampled.
   */
  private boolean applyAlone(
      PendingMigration m,
      PendingStatement s,
      LockReader reader,
      int pid,
      List<AppliedStatement> applied)
      throws SQLException {
    migration.setAutoCommit(false);
    Pending p = runInTransaction(m, s, reader, pid);
    if (p.error != null) {
      migration.rollback();
      migration.setAutoCommit(true);
      if (p.error.startsWith(ACTIVE_SQL_TRANSACTION)
          || p.error.startsWith(INVALID_TRANSACTION_TERMINATION)) {
        p = runInAutocommit(m, s, reader, pid);
      }
    } else {
      migration.commit();
      migration.setAutoCommit(true);
    }
    finish(List.of(p), applied);
    if (p.error != null) {
      return false;
    }
    listener.afterStatement(m, s, migration, false);
    return true;
  }

  private Pending runInTransaction(
      PendingMigration m, PendingStatement s, LockReader reader, int pid) throws SQLException {
    Set<HeldLock> locksBefore = reader.locksOf(pid);
    TableScans scansBefore = TableScans.take(migration);
    RelationSnapshot relationsBefore = RelationSnapshot.take(migration);
    long start = System.nanoTime();
    String error = execute(s.sql());
    long duration = System.nanoTime() - start;
    if (error != null) {
      return new Pending(m, s, List.of(), List.of(), Set.of(), start, duration, true, error);
    }
    Set<HeldLock> locksAfter = reader.locksOf(pid);
    Set<Long> scannedOids = TableScans.take(migration).scannedSince(scansBefore);
    RelationSnapshot relationsAfter = RelationSnapshot.take(migration);
    return new Pending(
        m,
        s,
        newLocks(locksBefore, locksAfter),
        rewrites(relationsBefore, relationsAfter),
        existingTables(scannedOids),
        start,
        duration,
        true,
        null);
  }

  private Pending runInAutocommit(
      PendingMigration m, PendingStatement s, LockReader reader, int pid) throws SQLException {
    RelationSnapshot relationsBefore = RelationSnapshot.take(migration);
    LockSampler sampler = new LockSampler(reader, pid);
    long start = System.nanoTime();
    String error;
    Set<HeldLock> seen;
    try {
      error = execute(s.sql());
    } finally {
      seen = sampler.stop();
    }
    long duration = System.nanoTime() - start;
    if (error != null) {
      return new Pending(m, s, List.of(), List.of(), Set.of(), start, duration, false, error);
    }
    RelationSnapshot relationsAfter = RelationSnapshot.take(migration);
    return new Pending(
        m,
        s,
        newLocks(Set.of(), seen),
        rewrites(relationsBefore, relationsAfter),
        Set.of(),
        start,
        duration,
        false,
        null);
  }

  /** Runs the statement; returns {@code "SQLSTATE: message"} when it fails. */
  private String execute(String sql) {
    try (Statement statement = migration.createStatement()) {
      statement.execute(sql);
      return null;
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "XX000" : e.getSQLState();
      return state + ": " + firstLine(e.getMessage());
    }
  }

  private List<ObservedLock> newLocks(Set<HeldLock> before, Set<HeldLock> after) {
    Map<Relation, EnumMap<LockMode, Boolean>> byTable = new LinkedHashMap<>();
    Set<String> held = new LinkedHashSet<>();
    for (HeldLock l : before) {
      held.add(tableOf(l.relationOid()) + ":" + l.mode());
    }
    for (HeldLock l : after) {
      Relation table = tableOf(l.relationOid());
      if (table == null || held.contains(table + ":" + l.mode())) {
        continue;
      }
      byTable.computeIfAbsent(table, t -> new EnumMap<>(LockMode.class)).put(l.mode(), true);
    }
    List<ObservedLock> locks = new ArrayList<>();
    for (Map.Entry<Relation, EnumMap<LockMode, Boolean>> e : byTable.entrySet()) {
      for (LockMode mode : e.getValue().keySet()) {
        locks.add(new ObservedLock(e.getKey(), mode));
      }
    }
    return locks;
  }

  /** The existing table a lock is on (an index's lock counts for its table), or null. */
  private Relation tableOf(long oid) {
    Relation r = existing.get(oid);
    if (r == null) {
      return null;
    }
    return r.isIndex() ? existing.get(r.tableOid()) : r;
  }

  private List<Relation> rewrites(RelationSnapshot before, RelationSnapshot after) {
    List<Relation> rewritten = new ArrayList<>();
    for (Relation r : existing.all().values()) {
      Relation was = before.get(r.oid());
      Relation now = after.get(r.oid());
      if (was != null && now != null && was.fileNode() != now.fileNode()) {
        rewritten.add(now);
      }
    }
    return rewritten;
  }

  private Set<Relation> existingTables(Set<Long> oids) {
    Set<Relation> tables = new LinkedHashSet<>();
    for (Long oid : oids) {
      Relation r = existing.get(oid);
      if (r != null && !r.isIndex()) {
        tables.add(r);
      }
    }
    return tables;
  }

  /** Completes the observations of a transaction that just ended. */
  private static void finish(List<Pending> transaction, List<AppliedStatement> applied) {
    long end = System.nanoTime();
    for (int i = 0; i < transaction.size(); i++) {
      Pending p = transaction.get(i);
      Set<Relation> work = new LinkedHashSet<>();
      for (int j = i; j < transaction.size(); j++) {
        Pending later = transaction.get(j);
        work.addAll(later.scanned);
        for (Relation r : later.rewritten) {
          if (!r.isIndex()) {
            work.add(r);
          }
        }
        if (!later.inTransaction && later.error == null) {
          for (ObservedLock l : later.locks) {
            work.add(l.relation()); // outside a transaction the statement itself is the work
          }
        }
      }
      long held = p.inTransaction ? end - p.startNanos : p.durationNanos;
      applied.add(
          new AppliedStatement(
              p.migration,
              p.statement,
              new StatementObservation(
                  p.locks,
                  p.rewritten,
                  p.scanned,
                  Duration.ofNanos(p.durationNanos),
                  p.inTransaction,
                  Duration.ofNanos(held),
                  work,
                  p.error)));
    }
  }

  private int backendPid() throws SQLException {
    try (Statement s = migration.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.startsWith("ERROR: ") ? line.substring("ERROR: ".length()) : line;
  }
}
