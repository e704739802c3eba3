package dev.greenlight.gate.store;

import dev.greenlight.gate.audit.AuditEvent;
import dev.greenlight.gate.audit.AuditQuery;
import dev.greenlight.gate.audit.AuditVerification;
import dev.greenlight.gate.decision.AgentObservation;
import dev.greenlight.gate.decision.Decision;
import dev.greenlight.gate.decision.EvidenceKind;
import dev.greenlight.gate.decision.MigrationReport;
import dev.greenlight.gate.decision.Slot;
import dev.greenlight.gate.decision.Waiver;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the gate keeps. Every write is durable when the method returns and appends its audit
 * event in the same transaction, so an acknowledged write is never missing from the chain.
 */
public interface GateStore extends AutoCloseable {

  /** Stores (replacing) a lint or verify report; {@code report.digest()} is of {@code body}. */
  AuditEvent putReport(MigrationReport report, String app, String body, String actor);

  Optional<String> reportBody(EvidenceKind kind, String app, String release);

  AuditEvent putAgentReport(
      String app, String environment, AgentObservation report, String body, String actor);

  /**
   * Deletes up to {@code limit} agent reports of the app/env that arrived before {@code before},
   * never the newest report of a slot that is not a shutdown report (by received time, then
   * instance id) — exactly the reports {@code DecisionEngine.considered} ignores when {@code
   * before} is at most now minus the retention. The audit keeps every report's event. Returns how
   * many rows went.
   */
  int pruneAgentReports(String app, String environment, Instant before, int limit);

  AuditEvent putSql(String app, String release, String sql, String actor);

  Optional<String> sql(String app, String release);

  /** The latest report of every instance of the app/env. */
  List<AgentObservation> agents(String app, String environment);

  /** Lint and verify reports of the given releases, keyed like {@code Evidence.key}. */
  Map<String, MigrationReport> reports(String app, Collection<String> releases);

  List<Waiver> waivers(String app, String environment);

  Optional<LiveState> liveState(String app, String environment);

  /** Every app/env the store has heard of. */
  List<AppEnv> appEnvs();

  /**
   * A number that changes whenever anything a decision reads changes (in this or another gate
   * process sharing the database; the latter within a short polling interval).
   */
  long evidenceVersion();

  /** The recorded decision with this id (from any gate process sharing the database). */
  Optional<DecisionRecord> decisionRecord(String decisionId);

  /** Records a decision; appends it to the audit only when its id is new. True when new. */
  boolean recordDecision(Decision decision, String actor);

  /**
   * Moves the live slot to {@code to} if it is still {@code expectedLive} at {@code
   * expectedRevision}: of concurrent switches (also across gate processes) exactly one wins.
   */
  SwitchOutcome recordSwitch(
      String app,
      String environment,
      Slot initialLive,
      long expectedRevision,
      Slot to,
      String kind,
      String decisionId,
      String release,
      String actor,
      Map<String, ?> detail);

  Waiver addWaiver(String app, String environment, Waiver waiver, String actor);

  AuditEvent append(AuditEntry entry);

  List<AuditEvent> audit(AuditQuery query);

  AuditVerification verifyAudit();

  @Override
  void close();
}
