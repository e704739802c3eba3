package dev.greenlight.gate.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.gate.audit.AuditChain;
import dev.greenlight.gate.audit.AuditEvent;
import dev.greenlight.gate.audit.AuditQuery;
import dev.greenlight.gate.audit.AuditVerification;
import dev.greenlight.gate.audit.CanonicalJson;
import dev.greenlight.gate.decision.AgentObservation;
import dev.greenlight.gate.decision.Decision;
import dev.greenlight.gate.decision.Evidence;
import dev.greenlight.gate.decision.EvidenceKind;
import dev.greenlight.gate.decision.Finding;
import dev.greenlight.gate.decision.MigrationReport;
import dev.greenlight.gate.decision.ReasonCode;
import dev.greenlight.gate.decision.SessionStorage;
import dev.greenlight.gate.decision.Severity;
import dev.greenlight.gate.decision.Sha256;
import dev.greenlight.gate.decision.Slot;
import dev.greenlight.gate.decision.Waiver;
import dev.greenlight.gate.decision.WarmupVerdict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The store on PostgreSQL. Every write runs in one transaction that also appends its audit event;
 * appends are serialized by locking the single chain-head row, so several gate processes sharing
 * one database still build one chain.
 */
public final class PostgresGateStore implements GateStore {
  private static final Logger LOG = Logger.getLogger(PostgresGateStore.class.getName());
  private static final ObjectMapper FINDINGS = new ObjectMapper();

  private final DataSource dataSource;
  private final AutoCloseable onClose;
  private final AtomicLong evidenceVersion = new AtomicLong(-1);
  private final ScheduledExecutorService poller;
  private static final int MAX_BATCH = 256;
  private final LinkedBlockingQueue<PendingWrite<?>> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closed;

  /**
   * @param onClose closes the pool (and the embedded server) after the store stops
   * @param pollMillis how often to pick up evidence written by other gate processes
   */
  public PostgresGateStore(DataSource dataSource, AutoCloseable onClose, long pollMillis) {
    this.dataSource = dataSource;
    this.onClose = onClose;
    pollVersion();
    this.poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gate-evidence-version-poll");
              t.setDaemon(true);
              return t;
            });
    poller.scheduleWithFixedDelay(this::pollVersion, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    this.writer = new Thread(this::writeLoop, "gate-store-writer");
    writer.setDaemon(true);
    writer.start();
  }

  private void pollVersion() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT evidence_version FROM gate_state WHERE id = 1");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      observeVersion(rs.getLong(1));
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "could not poll the evidence version: " + e.getMessage());
    }
  }

  private void observeVersion(long v) {
    evidenceVersion.accumulateAndGet(v, Math::max);
  }

  @Override
  public long evidenceVersion() {
    return evidenceVersion.get();
  }

  // --- writes ----------------------------------------------------------------------------------

  @Override
  public AuditEvent putReport(MigrationReport report, String app, String body, String actor) {
    Instant now = report.receivedAt();
    return inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO migration_report (app, release, kind, digest, findings, body, received_at, actor)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (app, release, kind) DO UPDATE SET"
                      + " digest = EXCLUDED.digest, findings = EXCLUDED.findings, body = EXCLUDED.body,"
                      + " received_at = EXCLUDED.received_at, actor = EXCLUDED.actor")) {
            s.setString(1, app);
            s.setString(2, report.release());
            s.setString(3, report.kind().wire());
            s.setString(4, report.digest());
            s.setString(5, encodeFindings(report.findings()));
            s.setString(6, body);
            s.setTimestamp(7, ts(now));
            s.setString(8, actor);
            s.executeUpdate();
          }
          bumpVersion(c);
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("findings", report.findings().size());
          detail.put("blocking", report.findings().stream().filter(f -> !f.suppressed()).count());
          return appendLocked(
              c,
              new AuditEntry(
                  now,
                  actor,
                  report.kind().wire() + "-report",
                  app,
                  null,
                  report.release(),
                  report.kind().wire() + "-report",
                  report.digest(),
                  detail));
        });
  }

  @Override
  public Optional<String> reportBody(EvidenceKind kind, String app, String release) {
    return query(
        "SELECT body FROM migration_report WHERE app = ? AND release = ? AND kind = ?",
        s -> {
          s.setString(1, app);
          s.setString(2, release);
          s.setString(3, kind.wire());
        },
        rs -> rs.getString(1));
  }

  @Override
  public AuditEvent putAgentReport(
      String app, String environment, AgentObservation r, String body, String actor) {
    return inTransaction(
        c -> {
          boolean stored;
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO agent_report (app, environment, instance_id, slot, release, warmup,"
                      + " session_storage, active_sessions, session_manager, digest, observed_at,"
                      + " received_at, body, configured_storage, stopping)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (app, environment, instance_id) DO UPDATE SET slot = EXCLUDED.slot,"
                      + " release = EXCLUDED.release, warmup = EXCLUDED.warmup,"
                      + " session_storage = EXCLUDED.session_storage,"
                      + " active_sessions = EXCLUDED.active_sessions,"
                      + " session_manager = EXCLUDED.session_manager, digest = EXCLUDED.digest,"
                      + " observed_at = EXCLUDED.observed_at, received_at = EXCLUDED.received_at,"
                      + " body = EXCLUDED.body, configured_storage = EXCLUDED.configured_storage,"
                      + " stopping = EXCLUDED.stopping"
                      // a routine report that was in flight while the shutdown report overtook
                      // it must not bring the stopped instance back; a restarted JVM that reuses
                      // the instance id reports later observations and does
                      + " WHERE NOT (agent_report.stopping"
                      + " AND EXCLUDED.observed_at <= agent_report.observed_at)")) {
            s.setString(1, app);
            s.setString(2, environment);
            s.setString(3, r.instanceId());
            s.setString(4, r.slot().wire());
            s.setString(5, r.release());
            s.setString(6, r.warmup().name());
            s.setString(7, r.sessionStorage().name());
            s.setLong(8, r.activeSessions());
            s.setString(9, r.sessionManager());
            s.setString(10, r.digest());
            s.setTimestamp(11, ts(r.observedAt()));
            s.setTimestamp(12, ts(r.receivedAt()));
            s.setString(13, body);
            s.setString(14, r.configuredStorage() == null ? null : r.configuredStorage().name());
            s.setBoolean(15, r.stopping());
            stored = s.executeUpdate() == 1;
          }
          if (stored) {
            bumpVersion(c);
          }
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("slot", r.slot().wire());
          detail.put("warmup", r.warmup().name());
          detail.put("sessionStorage", r.sessionStorage().name());
          detail.put("activeSessions", r.activeSessions());
          if (r.configuredStorage() != null) {
            detail.put("configuredStorage", r.configuredStorage().name());
          }
          if (r.stopping()) {
            detail.put("stopping", true);
          }
          if (!stored) {
            detail.put("superseded", "the instance already reported stopping at a later time");
          }
          return appendLocked(
              c,
              new AuditEntry(
                  r.receivedAt(),
                  actor,
                  "agent-report",
                  app,
                  environment,
                  r.release(),
                  r.instanceId(),
                  r.digest(),
                  detail));
        });
  }

  @Override
  public int pruneAgentReports(String app, String environment, Instant before, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                // each slot's newest report that is not a shutdown report is kept, however old;
                // computed once per slot, so the cost grows with the rows, not their square
                "WITH newest AS (SELECT DISTINCT ON (slot) slot, instance_id FROM agent_report"
                    + " WHERE app = ? AND environment = ? AND NOT stopping"
                    + " ORDER BY slot, received_at DESC, instance_id COLLATE \"C\" DESC)"
                    + " DELETE FROM agent_report d USING (SELECT a.instance_id FROM agent_report a"
                    + " WHERE a.app = ? AND a.environment = ? AND a.received_at < ?"
                    + " AND NOT EXISTS (SELECT 1 FROM newest n"
                    + " WHERE n.slot = a.slot AND n.instance_id = a.instance_id)"
                    + " ORDER BY a.received_at LIMIT ?) old"
                    + " WHERE d.app = ? AND d.environment = ? AND d.instance_id = old.instance_id")) {
      s.setString(1, app);
      s.setString(2, environment);
      s.setString(3, app);
      s.setString(4, environment);
      // truncated down, so a report the engine still considers is never deleted
      s.setTimestamp(5, ts(before));
      s.setInt(6, limit);
      s.setString(7, app);
      s.setString(8, environment);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  @Override
  public AuditEvent putSql(String app, String release, String sql, String actor) {
    Instant now = now();
    String digest = Sha256.digest(sql);
    return inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO captured_sql (app, release, digest, body, received_at) VALUES (?, ?, ?, ?, ?)"
                      + " ON CONFLICT (app, release) DO UPDATE SET digest = EXCLUDED.digest,"
                      + " body = EXCLUDED.body, received_at = EXCLUDED.received_at")) {
            s.setString(1, app);
            s.setString(2, release);
            s.setString(3, digest);
            s.setString(4, sql);
            s.setTimestamp(5, ts(now));
            s.executeUpdate();
          }
          return appendLocked(
              c,
              new AuditEntry(
                  now,
                  actor,
                  "sql",
                  app,
                  null,
                  release,
                  "sql",
                  digest,
                  Map.of("bytes", (long) sql.length())));
        });
  }

  @Override
  public Optional<String> sql(String app, String release) {
    return query(
        "SELECT body FROM captured_sql WHERE app = ? AND release = ?",
        s -> {
          s.setString(1, app);
          s.setString(2, release);
        },
        rs -> rs.getString(1));
  }

  @Override
  public Optional<DecisionRecord> decisionRecord(String decisionId) {
    return query(
        "SELECT decision_id, app, environment, release, slot, verdict FROM decision_record"
            + " WHERE decision_id = ?",
        s -> s.setString(1, decisionId),
        rs ->
            new DecisionRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Slot.parse(rs.getString(5)).orElseThrow(),
                rs.getString(6)));
  }

  @Override
  public boolean recordDecision(Decision d, String actor) {
    return inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO decision_record (decision_id, app, environment, release, slot, verdict,"
                      + " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            s.setString(1, d.decisionId());
            s.setString(2, d.app());
            s.setString(3, d.environment());
            s.setString(4, d.release());
            s.setString(5, d.slot().wire());
            s.setString(6, d.verdict().wire());
            s.setTimestamp(7, ts(d.evaluatedAt()));
            if (s.executeUpdate() == 0) {
              return false;
            }
          }
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("verdict", d.verdict().wire());
          detail.put("slot", d.slot().wire());
          detail.put("reasons", d.activeCodes());
          detail.put("policy", d.policyDigest());
          appendLocked(
              c,
              new AuditEntry(
                  d.evaluatedAt(),
                  actor,
                  "decision",
                  d.app(),
                  d.environment(),
                  d.release(),
                  d.decisionId(),
                  d.inputDigest(),
                  detail));
          return true;
        });
  }

  @Override
  public SwitchOutcome recordSwitch(
      String app,
      String environment,
      Slot initialLive,
      long expectedRevision,
      Slot to,
      String kind,
      String decisionId,
      String release,
      String actor,
      Map<String, ?> detail) {
    Instant now = now();
    return inTransaction(
        c -> {
          lockHead(c);
          LiveState current = liveState(c, app, environment).orElse(LiveState.initial(initialLive));
          if (current.revision() != expectedRevision) {
            return new SwitchOutcome.Conflict(
                "the live slot changed while this switch was prepared (another switch won)",
                current);
          }
          if (current.live() == to) {
            return new SwitchOutcome.Conflict(to.wire() + " is already live", current);
          }
          LiveState after =
              new LiveState(to, current.live(), now, decisionId, release, current.revision() + 1);
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO live_slot (app, environment, live, previous, switched_at, decision_id,"
                      + " release, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (app, environment)"
                      + " DO UPDATE SET live = EXCLUDED.live, previous = EXCLUDED.previous,"
                      + " switched_at = EXCLUDED.switched_at, decision_id = EXCLUDED.decision_id,"
                      + " release = EXCLUDED.release, revision = EXCLUDED.revision"
                      + " WHERE live_slot.revision = ?")) {
            s.setString(1, app);
            s.setString(2, environment);
            s.setString(3, after.live().wire());
            s.setString(4, after.previous().wire());
            s.setTimestamp(5, ts(now));
            s.setString(6, decisionId);
            s.setString(7, release);
            s.setLong(8, after.revision());
            s.setLong(9, expectedRevision);
            if (s.executeUpdate() != 1) {
              return new SwitchOutcome.Conflict("another switch won", current);
            }
          }
          bumpVersion(c);
          Map<String, Object> d = new LinkedHashMap<>(detail);
          d.put("from", current.live().wire());
          d.put("to", to.wire());
          d.put("revision", after.revision());
          AuditEvent event =
              appendLocked(
                  c,
                  new AuditEntry(now, actor, kind, app, environment, release, decisionId, null, d));
          return new SwitchOutcome.Switched(current, after, event);
        });
  }

  @Override
  public Waiver addWaiver(String app, String environment, Waiver w, String actor) {
    return inTransaction(
        c -> {
          long id;
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO waiver (app, environment, release, waives, reason, expires_at, approver,"
                      + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            s.setString(1, app);
            s.setString(2, environment);
            s.setString(3, w.release());
            s.setString(
                4, String.join(",", new TreeSet<>(w.waives().stream().map(Enum::name).toList())));
            s.setString(5, w.reason());
            s.setTimestamp(6, ts(w.expiresAt()));
            s.setString(7, actor);
            s.setTimestamp(8, ts(w.createdAt()));
            try (ResultSet rs = s.executeQuery()) {
              rs.next();
              id = rs.getLong(1);
            }
          }
          bumpVersion(c);
          Waiver stored =
              new Waiver(
                  id,
                  w.release(),
                  w.waives(),
                  w.reason(),
                  trunc(w.expiresAt()),
                  actor,
                  trunc(w.createdAt()));
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("waives", new TreeSet<>(w.waives().stream().map(Enum::name).toList()));
          detail.put("reason", w.reason());
          detail.put("expiresAt", stored.expiresAt().toString());
          appendLocked(
              c,
              new AuditEntry(
                  stored.createdAt(),
                  actor,
                  "override",
                  app,
                  environment,
                  w.release(),
                  stored.citation(),
                  null,
                  detail));
          return stored;
        });
  }

  @Override
  public AuditEvent append(AuditEntry entry) {
    return inTransaction(c -> appendLocked(c, entry));
  }

  // --- reads -----------------------------------------------------------------------------------

  @Override
  public List<AgentObservation> agents(String app, String environment) {
    return list(
        "SELECT instance_id, slot, release, warmup, session_storage, active_sessions, session_manager,"
            + " digest, observed_at, received_at, configured_storage, stopping FROM agent_report"
            + " WHERE app = ? AND environment = ? ORDER BY instance_id",
        s -> {
          s.setString(1, app);
          s.setString(2, environment);
        },
        rs ->
            new AgentObservation(
                rs.getString(1),
                Slot.parse(rs.getString(2)).orElseThrow(),
                rs.getString(3),
                WarmupVerdict.valueOf(rs.getString(4)),
                SessionStorage.valueOf(rs.getString(5)),
                rs.getLong(6),
                rs.getString(7),
                rs.getString(8),
                rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant(),
                rs.getString(11) == null ? null : SessionStorage.valueOf(rs.getString(11)),
                rs.getBoolean(12)));
  }

  @Override
  public Map<String, MigrationReport> reports(String app, Collection<String> releases) {
    if (releases.isEmpty()) {
      return Map.of();
    }
    Map<String, MigrationReport> result = new HashMap<>();
    List<String> list = List.copyOf(new TreeSet<>(releases));
    for (MigrationReport r :
        list(
            "SELECT kind, release, digest, findings, received_at FROM migration_report"
                + " WHERE app = ? AND release = ANY (?)",
            s -> {
              s.setString(1, app);
              s.setArray(2, s.getConnection().createArrayOf("text", list.toArray()));
            },
            rs ->
                new MigrationReport(
                    EvidenceKind.parse(rs.getString(1)).orElseThrow(),
                    rs.getString(2),
                    rs.getString(3),
                    decodeFindings(rs.getString(4)),
                    rs.getTimestamp(5).toInstant()))) {
      result.put(Evidence.key(r.kind(), r.release()), r);
    }
    return result;
  }

  @Override
  public List<Waiver> waivers(String app, String environment) {
    return list(
        "SELECT id, release, waives, reason, expires_at, approver, created_at FROM waiver"
            + " WHERE app = ? AND environment = ? ORDER BY id",
        s -> {
          s.setString(1, app);
          s.setString(2, environment);
        },
        rs -> {
          Set<ReasonCode> codes = EnumSet.noneOf(ReasonCode.class);
          for (String code : rs.getString(3).split(",")) {
            codes.add(ReasonCode.valueOf(code));
          }
          return new Waiver(
              rs.getLong(1),
              rs.getString(2),
              codes,
              rs.getString(4),
              rs.getTimestamp(5).toInstant(),
              rs.getString(6),
              rs.getTimestamp(7).toInstant());
        });
  }

  @Override
  public Optional<LiveState> liveState(String app, String environment) {
    try (Connection c = dataSource.getConnection()) {
      return liveState(c, app, environment);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private Optional<LiveState> liveState(Connection c, String app, String environment)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT live, previous, switched_at, decision_id, release, revision FROM live_slot"
                + " WHERE app = ? AND environment = ?")) {
      s.setString(1, app);
      s.setString(2, environment);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Timestamp at = rs.getTimestamp(3);
        return Optional.of(
            new LiveState(
                Slot.parse(rs.getString(1)).orElseThrow(),
                rs.getString(2) == null ? null : Slot.parse(rs.getString(2)).orElseThrow(),
                at == null ? null : at.toInstant(),
                rs.getString(4),
                rs.getString(5),
                rs.getLong(6)));
      }
    }
  }

  @Override
  public List<AppEnv> appEnvs() {
    return list(
        "SELECT app, environment FROM agent_report UNION SELECT app, environment FROM live_slot"
            + " UNION SELECT app, environment FROM waiver ORDER BY 1, 2",
        s -> {},
        rs -> new AppEnv(rs.getString(1), rs.getString(2)));
  }

  @Override
  public List<AuditEvent> audit(AuditQuery q) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT seq, at, actor, kind, app, environment, release, subject, input_digest, detail,"
                + " previous_hash, hash FROM audit_event WHERE seq > ?");
    List<String> args = new ArrayList<>();
    if (q.app() != null) {
      sql.append(" AND app = ?");
      args.add(q.app());
    }
    if (q.environment() != null) {
      sql.append(" AND environment = ?");
      args.add(q.environment());
    }
    if (q.kind() != null) {
      sql.append(" AND kind = ?");
      args.add(q.kind());
    }
    if (q.release() != null) {
      sql.append(" AND release = ?");
      args.add(q.release());
    }
    sql.append(q.newestFirst() ? " ORDER BY seq DESC" : " ORDER BY seq").append(" LIMIT ?");
    return list(
        sql.toString(),
        s -> {
          s.setLong(1, q.afterSeq());
          int i = 2;
          for (String a : args) {
            s.setString(i++, a);
          }
          s.setInt(i, q.limit());
        },
        PostgresGateStore::event);
  }

  @Override
  public AuditVerification verifyAudit() {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      String headHash;
      long headSeq;
      try (PreparedStatement s =
              c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
          ResultSet rs = s.executeQuery()) {
        rs.next();
        headSeq = rs.getLong(1);
        headHash = rs.getString(2);
      }
      String prev = AuditChain.GENESIS;
      long seq = 0;
      long count = 0;
      while (true) {
        List<AuditEvent> page = new ArrayList<>();
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT seq, at, actor, kind, app, environment, release, subject, input_digest, detail,"
                    + " previous_hash, hash FROM audit_event WHERE seq > ? ORDER BY seq LIMIT 5000")) {
          s.setLong(1, seq);
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              page.add(event(rs));
            }
          }
        }
        if (page.isEmpty()) {
          break;
        }
        long broken = AuditChain.firstBroken(prev, seq, page);
        if (broken >= 0) {
          c.rollback();
          return new AuditVerification(
              false,
              count,
              headHash,
              broken,
              "event " + broken + " does not match its hash or link");
        }
        count += page.size();
        prev = page.get(page.size() - 1).hash();
        seq = page.get(page.size() - 1).seq();
      }
      c.rollback();
      if (seq != headSeq || !prev.equals(headHash)) {
        return new AuditVerification(
            false,
            count,
            headHash,
            seq + 1,
            "the chain ends at "
                + seq
                + " but the head says "
                + headSeq
                + " (events were removed)");
      }
      return new AuditVerification(true, count, headHash, null, null);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  @Override
  public void close() {
    closed = true;
    writer.interrupt();
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    poller.shutdownNow();
    try {
      onClose.close();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "closing the store: " + e.getMessage());
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static AuditEvent event(ResultSet rs) throws SQLException {
    return new AuditEvent(
        rs.getLong(1),
        rs.getTimestamp(2).toInstant(),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12));
  }

  /** Locks the chain head for the rest of the batch's transaction and reads it once. */
  private void lockHead(Connection c) throws SQLException {
    if (headSeq >= 0) {
      return;
    }
    try (PreparedStatement s =
            c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      headSeq = rs.getLong(1);
      headHash = rs.getString(2);
    }
  }

  /** Appends under the chain-head row lock, which is held until the caller's commit. */
  private AuditEvent appendLocked(Connection c, AuditEntry e) throws SQLException {
    lockHead(c);
    long seq = headSeq + 1;
    String prev = headHash;
    Instant at = trunc(e.at());
    String detail = CanonicalJson.write(e.detail() == null ? Map.of() : e.detail());
    String hash =
        AuditChain.hash(
            prev,
            seq,
            at,
            e.actor(),
            e.kind(),
            e.app(),
            e.environment(),
            e.release(),
            e.subject(),
            e.inputDigest(),
            detail);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO audit_event (seq, at, actor, kind, app, environment, release, subject,"
                + " input_digest, detail, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setLong(1, seq);
      s.setTimestamp(2, Timestamp.from(at));
      s.setString(3, e.actor());
      s.setString(4, e.kind());
      s.setString(5, e.app());
      s.setString(6, e.environment());
      s.setString(7, e.release());
      s.setString(8, e.subject());
      s.setString(9, e.inputDigest());
      s.setString(10, detail);
      s.setString(11, prev);
      s.setString(12, hash);
      s.executeUpdate();
    }
    headSeq = seq;
    headHash = hash;
    return new AuditEvent(
        seq,
        at,
        e.actor(),
        e.kind(),
        e.app(),
        e.environment(),
        e.release(),
        e.subject(),
        e.inputDigest(),
        detail,
        prev,
        hash);
  }

  /** Marks the open batch as changing evidence; the counter is bumped once, before commit. */
  private void bumpVersion(Connection c) {
    versionBumped = true;
  }

  // State of the writer thread's open batch (only that thread touches these).
  private boolean versionBumped;
  private long batchVersion = -1;
  private long headSeq = -1;
  private String headHash;

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  @FunctionalInterface
  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /**
   * Runs a write on the single writer thread. Writes that queue up meanwhile share one transaction
   * (one chain-head lock, one WAL flush); the caller returns after the commit, so an acknowledged
   * write is durable. When a batch fails, its writes are retried one by one so that only the faulty
   * one fails.
   */
  private <T> T inTransaction(Work<T> work) {
    if (Thread.currentThread() == writer) {
      throw new IllegalStateException("nested write");
    }
    PendingWrite<T> pending = new PendingWrite<>(work);
    if (closed) {
      throw new StoreException("the store is closed", null);
    }
    queue.add(pending);
    try {
      return pending.done.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new StoreException("write failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for the write", e);
    }
  }

  private static final class PendingWrite<T> {
    final Work<T> work;
    final CompletableFuture<T> done = new CompletableFuture<>();
    T result;

    PendingWrite(Work<T> work) {
      this.work = work;
    }

    void run(Connection c) throws SQLException {
      result = work.run(c);
    }

    void complete() {
      done.complete(result);
    }
  }

  private void writeLoop() {
    List<PendingWrite<?>> batch = new ArrayList<>();
    while (!closed) {
      try {
        PendingWrite<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.clear();
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        commitBatch(batch);
      } catch (InterruptedException e) {
        break;
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "gate store writer: " + e.getMessage(), e);
      }
    }
    PendingWrite<?> left;
    while ((left = queue.poll()) != null) {
      left.done.completeExceptionally(
          new StoreException("the store closed before the write", null));
    }
  }

  private void commitBatch(List<PendingWrite<?>> batch) {
    try {
      runBatch(batch);
    } catch (SQLException | RuntimeException e) {
      if (batch.size() == 1) {
        batch.get(0).done.completeExceptionally(e instanceof SQLException sql ? failure(sql) : e);
        return;
      }
      for (PendingWrite<?> one : batch) {
        try {
          runBatch(List.of(one));
        } catch (SQLException single) {
          one.done.completeExceptionally(failure(single));
        } catch (RuntimeException single) {
          one.done.completeExceptionally(single);
        }
      }
    }
  }

  private void runBatch(List<PendingWrite<?>> batch) throws SQLException {
    batchVersion = -1;
    versionBumped = false;
    headSeq = -1;
    headHash = null;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        for (PendingWrite<?> p : batch) {
          p.run(c);
        }
        finishBatch(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
    if (batchVersion >= 0) {
      observeVersion(batchVersion);
    }
    for (PendingWrite<?> p : batch) {
      p.complete();
    }
  }

  /** Writes the batch's new chain head and evidence version, once per batch. */
  private void finishBatch(Connection c) throws SQLException {
    if (headSeq >= 0) {
      try (PreparedStatement s =
          c.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
        s.setLong(1, headSeq);
        s.setString(2, headHash);
        s.executeUpdate();
      }
    }
    if (versionBumped) {
      try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE gate_state SET evidence_version = evidence_version + 1 WHERE id = 1"
                      + " RETURNING evidence_version");
          ResultSet rs = s.executeQuery()) {
        rs.next();
        batchVersion = rs.getLong(1);
      }
    }
  }

  private <T> List<T> list(String sql, Binder binder, RowMapper<T> mapper) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(s);
      try (ResultSet rs = s.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
        return out;
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private <T> Optional<T> query(String sql, Binder binder, RowMapper<T> mapper) {
    List<T> rows = list(sql, binder, mapper);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private static StoreException failure(SQLException e) {
    return new StoreException("database error: " + e.getMessage(), e);
  }

  private static Timestamp ts(Instant i) {
    return Timestamp.from(trunc(i));
  }

  /** PostgreSQL keeps microseconds; truncating first makes stored and returned values equal. */
  private static Instant trunc(Instant i) {
    return i.truncatedTo(ChronoUnit.MICROS);
  }

  private static Instant now() {
    return trunc(Instant.now());
  }

  private static String encodeFindings(List<Finding> findings) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Finding f : findings) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule", f.rule());
      m.put("severity", f.severity().wire());
      m.put("category", f.category());
      m.put("message", f.message());
      m.put("path", f.path());
      m.put("line", f.line());
      m.put("suppressed", f.suppressed());
      list.add(m);
    }
    try {
      return FINDINGS.writeValueAsString(list);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("findings are plain values", e);
    }
  }

  private static List<Finding> decodeFindings(String json) {
    try {
      List<Finding> out = new ArrayList<>();
      for (JsonNode n : FINDINGS.readTree(json)) {
        out.add(
            new Finding(
                n.path("rule").asText(),
                Severity.parse(n.path("severity").asText()).orElse(Severity.ERROR),
                n.path("category").isNull() ? null : n.path("category").asText(null),
                n.path("message").asText(""),
                n.path("path").isNull() ? null : n.path("path").asText(null),
                n.path("line").asInt(0),
                n.path("suppressed").asBoolean(false)));
      }
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored findings are not JSON: " + e.getMessage(), e);
    }
  }
}
