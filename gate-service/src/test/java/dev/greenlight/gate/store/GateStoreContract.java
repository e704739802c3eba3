package dev.greenlight.gate.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.gate.audit.AuditEvent;
import dev.greenlight.gate.audit.AuditQuery;
import dev.greenlight.gate.decision.AgentObservation;
import dev.greenlight.gate.decision.Decision;
import dev.greenlight.gate.decision.DecisionEngine;
import dev.greenlight.gate.decision.DecisionRequest;
import dev.greenlight.gate.decision.Evidence;
import dev.greenlight.gate.decision.EvidenceKind;
import dev.greenlight.gate.decision.Finding;
import dev.greenlight.gate.decision.MigrationReport;
import dev.greenlight.gate.decision.Policy;
import dev.greenlight.gate.decision.ReasonCode;
import dev.greenlight.gate.decision.SessionStorage;
import dev.greenlight.gate.decision.Severity;
import dev.greenlight.gate.decision.Sha256;
import dev.greenlight.gate.decision.Slot;
import dev.greenlight.gate.decision.Waiver;
import dev.greenlight.gate.decision.WarmupVerdict;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link GateStore} must do; subclasses supply a fresh store per class. */
abstract class GateStoreContract {

  abstract GateStore store();

  /** Each test uses its own app name so tests of one class do not see each other. */
  private static String app(String test) {
    return "app-" + test;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  private static MigrationReport lint(String release, Finding... findings) {
    String body = "{\"release\":\"" + release + "\",\"n\":" + findings.length + "}";
    return new MigrationReport(
        EvidenceKind.LINT, release, Sha256.digest(body), List.of(findings), now());
  }

  private static AgentObservation agent(String id, Slot slot, String release, long sessions) {
    Instant now = now();
    return new AgentObservation(
        id,
        slot,
        release,
        WarmupVerdict.WARM,
        SessionStorage.IN_MEMORY,
        sessions,
        "StandardManager",
        Sha256.digest(id + sessions),
        now,
        now);
  }

  @Test
  void reportsAreReplacedPerAppReleaseAndKind() {
    String app = app("reports");
    GateStore s = store();
    long before = s.evidenceVersion();
    s.putReport(lint("1.0"), app, "{\"first\":true}", "ci");
    Finding drop =
        new Finding("ban-drop-column", Severity.ERROR, "compat", "drops x", "V2.sql", 3, false);
    MigrationReport second = lint("1.0", drop);
    AuditEvent e = s.putReport(second, app, "{\"second\":true}", "ci");
    assertThat(e.kind()).isEqualTo("lint-report");
    assertThat(e.inputDigest()).isEqualTo(second.digest());
    assertThat(s.evidenceVersion()).isGreaterThanOrEqualTo(before + 2);
    assertThat(s.reportBody(EvidenceKind.LINT, app, "1.0")).contains("{\"second\":true}");
    assertThat(s.reportBody(EvidenceKind.VERIFY, app, "1.0")).isEmpty();
    Map<String, MigrationReport> reports = s.reports(app, List.of("1.0", "2.0"));
    assertThat(reports).containsOnlyKeys(Evidence.key(EvidenceKind.LINT, "1.0"));
    MigrationReport stored = reports.get(Evidence.key(EvidenceKind.LINT, "1.0"));
    assertThat(stored.findings()).containsExactly(drop);
    assertThat(stored.digest()).isEqualTo(second.digest());
  }

  @Test
  void agentReportsKeepTheLatestPerInstance() {
    String app = app("agents");
    GateStore s = store();
    s.putAgentReport(app, "prod", agent("g1", Slot.GREEN, "1.0", 1), "{}", "agent");
    s.putAgentReport(app, "prod", agent("g1", Slot.GREEN, "1.1", 2), "{}", "agent");
    s.putAgentReport(app, "prod", agent("b1", Slot.BLUE, "1.0", 7), "{}", "agent");
    s.putAgentReport(app, "stage", agent("g9", Slot.GREEN, "1.0", 0), "{}", "agent");
    List<AgentObservation> prod = s.agents(app, "prod");
    assertThat(prod).extracting(AgentObservation::instanceId).containsExactly("b1", "g1");
    assertThat(prod.get(1).release()).isEqualTo("1.1");
    assertThat(prod.get(1).activeSessions()).isEqualTo(2);
    assertThat(s.appEnvs()).contains(new AppEnv(app, "prod"), new AppEnv(app, "stage"));
  }

  private static AgentObservation agentAt(String id, Slot slot, Instant receivedAt) {
    return new AgentObservation(
        id,
        slot,
        "1.0",
        WarmupVerdict.WARM,
        SessionStorage.SHARED,
        0,
        null,
        Sha256.digest(id),
        receivedAt,
        receivedAt,
        SessionStorage.SHARED,
        false);
  }

  @Test
  void pruningDeletesOldReportsInBatchesButNeverTheNewestOfASlot() {
    String app = app("prune");
    GateStore s = store();
    Instant now = now();
    s.putAgentReport(app, "prod", agentAt("b-old", Slot.BLUE, now.minusSeconds(7200)), "{}", "a");
    s.putAgentReport(app, "prod", agentAt("b-last", Slot.BLUE, now.minusSeconds(3700)), "{}", "a");
    // a newer, old shutdown report: it does not make the live slot "known", so b-last stays
    AgentObservation stopped = agentAt("b-stopped", Slot.BLUE, now.minusSeconds(3650));
    s.putAgentReport(
        app,
        "prod",
        new AgentObservation(
            stopped.instanceId(),
            stopped.slot(),
            stopped.release(),
            stopped.warmup(),
            stopped.sessionStorage(),
            stopped.activeSessions(),
            null,
            stopped.digest(),
            stopped.observedAt(),
            stopped.receivedAt(),
            SessionStorage.SHARED,
            true),
        "{}",
        "a");
    for (int i = 0; i < 5; i++) {
      s.putAgentReport(
          app, "prod", agentAt("g-dead-" + i, Slot.GREEN, now.minusSeconds(5000 + i)), "{}", "a");
    }
    // two reports at the same instant: the instance id decides which one is the newest
    s.putAgentReport(
        app, "prod", agentAt("g-tie-a", Slot.GREEN, now.minusSeconds(4000)), "{}", "a");
    s.putAgentReport(
        app, "prod", agentAt("g-tie-b", Slot.GREEN, now.minusSeconds(4000)), "{}", "a");
    s.putAgentReport(app, "prod", agentAt("g-recent", Slot.GREEN, now.minusSeconds(60)), "{}", "a");
    s.putAgentReport(
        app, "stage", agentAt("other-env", Slot.GREEN, now.minusSeconds(9000)), "{}", "a");
    s.putAgentReport(app, "stage", agentAt("other-new", Slot.GREEN, now), "{}", "a");

    assertThat(s.pruneAgentReports(app, "prod", now.minusSeconds(3600), 3)).isEqualTo(3);
    assertThat(s.agents(app, "prod")).hasSize(8);
    assertThat(s.pruneAgentReports(app, "prod", now.minusSeconds(3600), 100)).isEqualTo(6);
    // b-last is older than the horizon but blue's newest report that is not a shutdown report
    assertThat(s.agents(app, "prod"))
        .extracting(AgentObservation::instanceId)
        .containsExactly("b-last", "g-recent");
    assertThat(s.pruneAgentReports(app, "prod", now.minusSeconds(3600), 100)).isZero();
    assertThat(s.agents(app, "stage")).hasSize(2);

    // the newest of a slot, decided by instance id on a tie, is the one kept
    String tie = app("prune-tie");
    s.putAgentReport(
        tie, "prod", agentAt("g-tie-b", Slot.GREEN, now.minusSeconds(4000)), "{}", "a");
    s.putAgentReport(
        tie, "prod", agentAt("g-tie-a", Slot.GREEN, now.minusSeconds(4000)), "{}", "a");
    assertThat(s.pruneAgentReports(tie, "prod", now, 100)).isEqualTo(1);
    List<AgentObservation> left = s.agents(tie, "prod");
    assertThat(left).extracting(AgentObservation::instanceId).containsExactly("g-tie-b");
    Policy oneMinute = Policy.failClosed();
    assertThat(
            DecisionEngine.considered(
                List.of(
                    agentAt("g-tie-a", Slot.GREEN, now.minusSeconds(4000)),
                    agentAt("g-tie-b", Slot.GREEN, now.minusSeconds(4000))),
                oneMinute,
                now))
        .extracting(AgentObservation::instanceId)
        .containsExactly("g-tie-b");
  }

  @Test
  void capturedSqlRoundTrips() {
    String app = app("sql");
    GateStore s = store();
    assertThat(s.sql(app, "1.0")).isEmpty();
    s.putSql(app, "1.0", "SELECT * FROM orders WHERE id = $1;\n", "agent");
    assertThat(s.sql(app, "1.0")).contains("SELECT * FROM orders WHERE id = $1;\n");
  }

  @Test
  void waiversAreStoredWithTheirApprover() {
    String app = app("waivers");
    GateStore s = store();
    Instant now = now();
    Waiver w =
        s.addWaiver(
            app,
            "prod",
            new Waiver(
                0,
                "1.0",
                Set.of(ReasonCode.MIGRATION_UNSAFE),
                "contract phase",
                now.plusSeconds(600),
                null,
                now),
            "alice");
    assertThat(w.id()).isPositive();
    assertThat(s.waivers(app, "prod")).containsExactly(w);
    assertThat(w.approver()).isEqualTo("alice");
    assertThat(s.waivers(app, "stage")).isEmpty();
  }

  @Test
  void aDecisionIsAuditedOnlyOnce() {
    String app = app("decisions");
    GateStore s = store();
    Decision d =
        DecisionEngine.decide(
            new DecisionRequest(app, "prod", "1.0", Slot.GREEN),
            Policy.failClosed(),
            new Evidence(Slot.BLUE, List.of(), Map.of(), List.of()),
            now());
    assertThat(s.recordDecision(d, "reader")).isTrue();
    assertThat(s.recordDecision(d, "reader")).isFalse();
    List<AuditEvent> events = s.audit(new AuditQuery(app, "prod", "decision", null, 0, 100, false));
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.subject()).isEqualTo(d.decisionId());
              assertThat(e.inputDigest()).isEqualTo(d.inputDigest());
            });
  }

  @Test
  void switchesAreCompareAndSet() {
    String app = app("switches");
    GateStore s = store();
    assertThat(s.liveState(app, "prod")).isEmpty();
    SwitchOutcome first =
        s.recordSwitch(
            app, "prod", Slot.BLUE, 0, Slot.GREEN, "switch", "d-1", "1.1", "deployer", Map.of());
    assertThat(first).isInstanceOf(SwitchOutcome.Switched.class);
    LiveState live = s.liveState(app, "prod").orElseThrow();
    assertThat(live.live()).isEqualTo(Slot.GREEN);
    assertThat(live.previous()).isEqualTo(Slot.BLUE);
    assertThat(live.revision()).isEqualTo(1);
    assertThat(live.decisionId()).isEqualTo("d-1");
    SwitchOutcome stale =
        s.recordSwitch(
            app, "prod", Slot.BLUE, 0, Slot.BLUE, "switch", "d-2", "1.0", "deployer", Map.of());
    assertThat(stale).isInstanceOf(SwitchOutcome.Conflict.class);
    SwitchOutcome already =
        s.recordSwitch(
            app, "prod", Slot.BLUE, 1, Slot.GREEN, "switch", "d-3", "1.1", "deployer", Map.of());
    assertThat(((SwitchOutcome.Conflict) already).why()).contains("already live");
    SwitchOutcome back =
        s.recordSwitch(
            app,
            "prod",
            Slot.BLUE,
            1,
            Slot.BLUE,
            "switch-back",
            null,
            "1.0",
            "deployer",
            Map.of("reason", "errors"));
    assertThat(back).isInstanceOf(SwitchOutcome.Switched.class);
    assertThat(s.liveState(app, "prod").orElseThrow().revision()).isEqualTo(2);
  }

  @Test
  void concurrentWritesBuildOneValidChain() throws Exception {
    String app = app("chain");
    GateStore s = store();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<AuditEvent>> futures = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        int n = i;
        futures.add(
            pool.submit(
                () ->
                    s.putAgentReport(
                        app, "prod", agent("i" + (n % 6), Slot.GREEN, "1.0", n), "{}", "agent")));
      }
      for (Future<AuditEvent> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    var verification = s.verifyAudit();
    assertThat(verification.valid()).as(String.valueOf(verification.problem())).isTrue();
    List<AuditEvent> all = s.audit(new AuditQuery(app, null, "agent-report", null, 0, 1000, false));
    assertThat(all).hasSize(60);
    List<AuditEvent> page =
        s.audit(new AuditQuery(app, null, null, null, all.get(29).seq(), 10, false));
    assertThat(page)
        .hasSize(10)
        .first()
        .satisfies(e -> assertThat(e.seq()).isGreaterThan(all.get(29).seq()));
  }
}
