package dev.greenlight.gate.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DecisionEngineTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:05:00Z");
  private static final Policy POLICY = Policy.failClosed();
  private static final String STANDARD_MANAGER = "org.apache.catalina.session.StandardManager";

  /** A builder of evidence for shop/prod with blue live. */
  private static final class World {
    Slot live = Slot.BLUE;
    final List<AgentObservation> agents = new ArrayList<>();
    final Map<String, MigrationReport> reports = new HashMap<>();
    final List<Waiver> waivers = new ArrayList<>();

    World agent(
        String id,
        Slot slot,
        String release,
        WarmupVerdict warmup,
        SessionStorage storage,
        long sessions,
        Duration age) {
      agents.add(
          new AgentObservation(
              id,
              slot,
              release,
              warmup,
              storage,
              sessions,
              null,
              "sha256:" + id + age,
              NOW.minus(age),
              NOW.minus(age)));
      return this;
    }

    /** A report with the session manager's configured storage and the shutdown flag. */
    World report(
        String id,
        Slot slot,
        SessionStorage storage,
        long sessions,
        SessionStorage configured,
        boolean stopping) {
      agents.add(
          new AgentObservation(
              id,
              slot,
              slot == Slot.GREEN ? "1.4.2" : "1.4.1",
              WarmupVerdict.WARM,
              storage,
              sessions,
              STANDARD_MANAGER,
              "sha256:" + id + storage + sessions + configured + stopping,
              NOW.minusSeconds(3),
              NOW.minusSeconds(3),
              configured,
              stopping));
      return this;
    }

    World green(String id, String release) {
      return agent(
          id,
          Slot.GREEN,
          release,
          WarmupVerdict.WARM,
          SessionStorage.SHARED,
          0,
          Duration.ofSeconds(5));
    }

    World lint(String release, Finding... findings) {
      reports.put(
          Evidence.key(EvidenceKind.LINT, release),
          new MigrationReport(
              EvidenceKind.LINT,
              release,
              "sha256:lint" + findings.length,
              List.of(findings),
              NOW.minusSeconds(600)));
      return this;
    }

    World verify(String release, Finding... findings) {
      reports.put(
          Evidence.key(EvidenceKind.VERIFY, release),
          new MigrationReport(
              EvidenceKind.VERIFY,
              release,
              "sha256:verify" + findings.length,
              List.of(findings),
              NOW.minusSeconds(600)));
      return this;
    }

    Evidence evidence() {
      return new Evidence(live, agents, reports, waivers);
    }

    Decision decide(String release, Slot slot, Policy policy) {
      return DecisionEngine.decide(
          new DecisionRequest("shop", "prod", release, slot), policy, evidence(), NOW);
    }

    Decision decide(String release) {
      return decide(release, Slot.GREEN, POLICY);
    }
  }

  private static Finding finding(String rule, Severity severity, boolean suppressed) {
    return new Finding(
        rule,
        severity,
        "compat",
        "Dropping column orders.legacy_ref breaks blue",
        "db/migration/V42__drop_legacy.sql",
        3,
        suppressed);
  }

  private static List<ReasonCode> codes(Decision d) {
    return d.reasons().stream().filter(r -> !r.waived()).map(Reason::code).toList();
  }

  @Test
  void allowsWhenEveryCheckPasses() {
    Decision d = new World().lint("1.4.2").green("g1", "1.4.2").decide("1.4.2");
    assertThat(d.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(d.allowed()).isTrue();
    assertThat(d.reasons()).isEmpty();
    assertThat(d.evidence().agents()).containsExactly("g1");
    assertThat(d.evidence().lint()).isEqualTo("sha256:lint0");
    assertThat(d.decisionId()).matches("d-[0-9a-f]{32}");
  }

  @Test
  void migrationUnsafeDeniesOnBlockingUnsuppressedFinding() {
    Decision d =
        new World()
            .lint("1.4.2", finding("ban-drop-column", Severity.ERROR, false))
            .green("g1", "1.4.2")
            .decide("1.4.2");
    assertThat(d.verdict()).isEqualTo(Verdict.DENY);
    assertThat(codes(d)).containsExactly(ReasonCode.MIGRATION_UNSAFE);
    Reason r = d.reasons().get(0);
    assertThat(r.message()).contains("V42__drop_legacy.sql:3").contains("ban-drop-column");
    assertThat(r.evidence()).isEqualTo("lint-report:1.4.2#sha256:lint1");
    assertThat(d.activeCodes()).isEqualTo("MIGRATION_UNSAFE");
  }

  @Test
  void suppressedAndBelowThresholdFindingsDoNotBlock() {
    Decision d =
        new World()
            .lint(
                "1.4.2",
                finding("ban-drop-column", Severity.ERROR, true),
                finding("prefer-jsonb", Severity.WARNING, false))
            .green("g1", "1.4.2")
            .decide("1.4.2");
    assertThat(d.verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void blockingSeverityWarningMakesWarningsBlock() {
    Policy strict =
        new Policy(
            EnumSet.of(EvidenceKind.LINT),
            Severity.WARNING,
            1,
            Duration.ofSeconds(60),
            Set.of(WarmupVerdict.WARM),
            Set.of(SessionStorage.SHARED),
            0,
            Duration.ofSeconds(120),
            Duration.ofMinutes(30),
            Slot.BLUE);
    Decision d =
        new World()
            .lint("1.4.2", finding("prefer-jsonb", Severity.WARNING, false))
            .green("g1", "1.4.2")
            .decide("1.4.2", Slot.GREEN, strict);
    assertThat(codes(d)).containsExactly(ReasonCode.MIGRATION_UNSAFE);
  }

  @Test
  void verifyFindingsBlockToo() {
    Decision d =
        new World()
            .lint("1.4.2")
            .verify("1.4.2", finding("observed-table-rewrite", Severity.ERROR, false))
            .green("g1", "1.4.2")
            .decide("1.4.2");
    assertThat(codes(d)).containsExactly(ReasonCode.MIGRATION_UNSAFE);
    assertThat(d.reasons().get(0).evidence()).startsWith("verify-report:1.4.2#");
  }

  @Test
  void lintMissingIsPending() {
    Decision d = new World().green("g1", "1.4.2").decide("1.4.2");
    assertThat(d.verdict()).isEqualTo(Verdict.PENDING);
    assertThat(codes(d)).containsExactly(ReasonCode.LINT_MISSING);
  }

  @Test
  void verifyMissingIsPendingOnlyWhenRequired() {
    Policy needsVerify =
        new Policy(
            EnumSet.of(EvidenceKind.LINT, EvidenceKind.VERIFY),
            Severity.ERROR,
            1,
            Duration.ofSeconds(60),
            Set.of(WarmupVerdict.WARM),
            Set.of(SessionStorage.NONE, SessionStorage.SHARED),
            0,
            Duration.ofSeconds(120),
            Duration.ofMinutes(30),
            Slot.BLUE);
    World w = new World().lint("1.4.2").green("g1", "1.4.2");
    assertThat(codes(w.decide("1.4.2", Slot.GREEN, needsVerify)))
        .containsExactly(ReasonCode.VERIFY_MISSING);
    assertThat(w.decide("1.4.2").verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void tooFewInstancesIsPending() {
    Policy three = withMinInstances(3);
    Decision d =
        new World()
            .lint("1.4.2")
            .green("g1", "1.4.2")
            .green("g2", "1.4.2")
            .green("g3", "1.4.1")
            .decide("1.4.2", Slot.GREEN, three);
    assertThat(codes(d)).containsExactly(ReasonCode.TOO_FEW_INSTANCES);
    assertThat(d.reasons().get(0).message()).startsWith("2 fresh green");
  }

  @Test
  void staleReportsStopCountingAndSayWhy() {
    Decision d =
        new World()
            .lint("1.4.2")
            .agent(
                "g1",
                Slot.GREEN,
                "1.4.2",
                WarmupVerdict.WARM,
                SessionStorage.NONE,
                0,
                Duration.ofSeconds(95))
            .decide("1.4.2");
    assertThat(d.verdict()).isEqualTo(Verdict.PENDING);
    assertThat(codes(d)).containsExactly(ReasonCode.TOO_FEW_INSTANCES, ReasonCode.EVIDENCE_STALE);
    assertThat(d.reasons().get(1).message()).contains("g1 last reported 95s ago");
    assertThat(d.evidence().agents()).isEmpty();
  }

  @Test
  void notWarmIsPendingAndWarmupFailedDenies() {
    World w =
        new World()
            .lint("1.4.2")
            .agent(
                "g1",
                Slot.GREEN,
                "1.4.2",
                WarmupVerdict.WARMING,
                SessionStorage.NONE,
                0,
                Duration.ofSeconds(1));
    assertThat(codes(w.decide("1.4.2"))).containsExactly(ReasonCode.NOT_WARM);
    assertThat(w.decide("1.4.2").verdict()).isEqualTo(Verdict.PENDING);
    w.agent(
        "g2",
        Slot.GREEN,
        "1.4.2",
        WarmupVerdict.DEGRADED,
        SessionStorage.NONE,
        0,
        Duration.ofSeconds(1));
    Decision d = w.decide("1.4.2");
    assertThat(d.verdict()).isEqualTo(Verdict.DENY);
    assertThat(codes(d)).containsExactly(ReasonCode.WARMUP_FAILED, ReasonCode.NOT_WARM);
    assertThat(
            codes(
                new World()
                    .lint("1.4.2")
                    .agent(
                        "g1",
                        Slot.GREEN,
                        "1.4.2",
                        WarmupVerdict.INSUFFICIENT_DATA,
                        SessionStorage.NONE,
                        0,
                        Duration.ofSeconds(1))
                    .decide("1.4.2")))
        .containsExactly(ReasonCode.NOT_WARM);
    assertThat(
            codes(
                new World()
                    .lint("1.4.2")
                    .agent(
                        "g1",
                        Slot.GREEN,
                        "1.4.2",
                        WarmupVerdict.NO_STEADY_STATE,
                        SessionStorage.NONE,
                        0,
                        Duration.ofSeconds(1))
                    .decide("1.4.2")))
        .containsExactly(ReasonCode.WARMUP_FAILED);
  }

  @Test
  void sessionsInMemoryOnTheCandidateDenies() {
    Decision d =
        new World()
            .lint("1.4.2")
            .agent(
                "g1",
                Slot.GREEN,
                "1.4.2",
                WarmupVerdict.WARM,
                SessionStorage.IN_MEMORY,
                0,
                Duration.ofSeconds(1))
            .decide("1.4.2");
    assertThat(codes(d)).containsExactly(ReasonCode.SESSIONS_IN_MEMORY);
    assertThat(d.verdict()).isEqualTo(Verdict.DENY);
  }

  @Test
  void unknownStorageIsNeverTreatedAsShared() {
    Decision d =
        new World()
            .lint("1.4.2")
            .agent(
                "g1",
                Slot.GREEN,
                "1.4.2",
                WarmupVerdict.WARM,
                SessionStorage.UNKNOWN,
                0,
                Duration.ofSeconds(1))
            .decide("1.4.2");
    assertThat(codes(d)).containsExactly(ReasonCode.SESSIONS_IN_MEMORY);
  }

  @Test
  void liveSlotSessionsAreTheCostOfSwitchingNow() {
    World w =
        new World()
            .lint("1.4.2")
            .green("g1", "1.4.2")
            .agent(
                "b1",
                Slot.BLUE,
                "1.4.1",
                WarmupVerdict.WARM,
                SessionStorage.IN_MEMORY,
                37,
                Duration.ofSeconds(2))
            .agent(
                "b2",
                Slot.BLUE,
                "1.4.1",
                WarmupVerdict.WARM,
                SessionStorage.SHARED,
                500,
                Duration.ofSeconds(2))
            .agent(
                "b3",
                Slot.BLUE,
                "1.4.1",
                WarmupVerdict.WARM,
                SessionStorage.IN_MEMORY,
                9,
                Duration.ofSeconds(600));
    Decision d = w.decide("1.4.2");
    assertThat(codes(d)).containsExactly(ReasonCode.SESSIONS_AT_RISK);
    assertThat(d.reasons().get(0).message()).startsWith("37 live in-memory session(s) on blue");
    assertThat(d.evidence().liveSlotAgents()).containsExactly("b1", "b2");
    Policy tolerant =
        new Policy(
            EnumSet.of(EvidenceKind.LINT),
            Severity.ERROR,
            1,
            Duration.ofSeconds(60),
            Set.of(WarmupVerdict.WARM),
            Set.of(SessionStorage.NONE, SessionStorage.SHARED),
            37,
            Duration.ofSeconds(120),
            Duration.ofMinutes(30),
            Slot.BLUE);
    assertThat(w.decide("1.4.2", Slot.GREEN, tolerant).verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void aLiveSlotWhoseReportsAllWentStaleIsPendingNotAllowed() {
    World w =
        new World()
            .lint("1.4.2")
            .green("g1", "1.4.2")
            .agent(
                "b1",
                Slot.BLUE,
                "1.4.1",
                WarmupVerdict.WARM,
                SessionStorage.IN_MEMORY,
                0,
                Duration.ofSeconds(300));
    Decision d = w.decide("1.4.2");
    assertThat(d.verdict()).isEqualTo(Verdict.PENDING);
    assertThat(codes(d)).containsExactly(ReasonCode.EVIDENCE_STALE);
    assertThat(d.reasons().get(0).message())
        .contains("live slot blue has only stale agent reports");
    // one fresh live report is enough: instances that went away do not block
    w.agent(
        "b2",
        Slot.BLUE,
        "1.4.1",
        WarmupVerdict.WARM,
        SessionStorage.IN_MEMORY,
        0,
        Duration.ofSeconds(1));
    assertThat(w.decide("1.4.2").verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void candidateReleaseComesFromTheSlotsFreshAgentsAndAmbiguityIsPending() {
    World w = new World().lint("1.4.2").green("g1", "1.4.2");
    Decision one = w.decide(null);
    assertThat(one.release()).isEqualTo("1.4.2");
    assertThat(one.verdict()).isEqualTo(Verdict.ALLOW);
    w.green("g2", "1.4.3");
    Decision two = w.decide(null);
    assertThat(two.release()).isNull();
    assertThat(two.verdict()).isEqualTo(Verdict.PENDING);
    assertThat(codes(two)).containsExactly(ReasonCode.CANDIDATE_AMBIGUOUS);
    assertThat(two.reasons().get(0).message()).contains("1.4.2, 1.4.3");
  }

  @Test
  void slotDefaultsToTheOneThatIsNotLive() {
    World w = new World().lint("1.4.2");
    w.live = Slot.GREEN;
    w.agent(
        "b1",
        Slot.BLUE,
        "1.4.2",
        WarmupVerdict.WARM,
        SessionStorage.NONE,
        0,
        Duration.ofSeconds(1));
    Decision d = w.decide("1.4.2", null, POLICY);
    assertThat(d.slot()).isEqualTo(Slot.BLUE);
    assertThat(d.verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void unknownAppWithNoEvidenceIsPending() {
    Decision d =
        DecisionEngine.decide(
            new DecisionRequest("nobody", "nowhere", null, null),
            POLICY,
            new Evidence(Slot.BLUE, List.of(), Map.of(), List.of()),
            NOW);
    assertThat(d.verdict()).isEqualTo(Verdict.PENDING);
    assertThat(codes(d))
        .containsExactlyInAnyOrder(ReasonCode.LINT_MISSING, ReasonCode.TOO_FEW_INSTANCES);
  }

  @Test
  void denyOutranksPendingWhichOutranksAllow() {
    Decision d =
        new World()
            .lint("1.4.2", finding("ban-drop-table", Severity.ERROR, false))
            .agent(
                "g1",
                Slot.GREEN,
                "1.4.2",
                WarmupVerdict.WARMING,
                SessionStorage.NONE,
                0,
                Duration.ofSeconds(1))
            .decide("1.4.2");
    assertThat(d.verdict()).isEqualTo(Verdict.DENY);
    assertThat(d.reasons().get(0).verdict()).isEqualTo(Verdict.DENY);
    assertThat(codes(d)).containsExactly(ReasonCode.MIGRATION_UNSAFE, ReasonCode.NOT_WARM);
  }

  @Test
  void overrideWaivesOnlyNamedCodesForItsReleaseUntilExpiry() {
    World w =
        new World()
            .lint("1.4.2", finding("ban-drop-column", Severity.ERROR, false))
            .green("g1", "1.4.2");
    w.waivers.add(
        new Waiver(
            7,
            "1.4.2",
            Set.of(ReasonCode.MIGRATION_UNSAFE),
            "contract phase",
            NOW.plusSeconds(30),
            "alice",
            NOW.minusSeconds(5)));
    Decision waived = w.decide("1.4.2");
    assertThat(waived.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(waived.reasons())
        .singleElement()
        .satisfies(r -> assertThat(r.waivedBy()).isEqualTo("o-7"));
    assertThat(waived.activeCodes()).isEmpty();
    assertThat(waived.validUntil()).isEqualTo(NOW.plusSeconds(30));

    // a new deny reason still blocks
    w.agent(
        "g2",
        Slot.GREEN,
        "1.4.2",
        WarmupVerdict.WARM,
        SessionStorage.IN_MEMORY,
        0,
        Duration.ofSeconds(1));
    assertThat(w.decide("1.4.2").verdict()).isEqualTo(Verdict.DENY);
    assertThat(codes(w.decide("1.4.2"))).containsExactly(ReasonCode.SESSIONS_IN_MEMORY);

    // another release is not covered
    World other =
        new World()
            .lint("1.4.3", finding("ban-drop-column", Severity.ERROR, false))
            .green("g1", "1.4.3");
    other.waivers.addAll(w.waivers);
    assertThat(other.decide("1.4.3").verdict()).isEqualTo(Verdict.DENY);

    // expired
    World expired =
        new World()
            .lint("1.4.2", finding("ban-drop-column", Severity.ERROR, false))
            .green("g1", "1.4.2");
    expired.waivers.add(
        new Waiver(
            8,
            "1.4.2",
            Set.of(ReasonCode.MIGRATION_UNSAFE),
            "late",
            NOW.minusSeconds(1),
            "alice",
            NOW.minusSeconds(60)));
    assertThat(expired.decide("1.4.2").verdict()).isEqualTo(Verdict.DENY);
  }

  @Test
  void decisionIdIsDerivedFromInputsOnly() {
    World w = new World().lint("1.4.2").green("g1", "1.4.2");
    Decision a = w.decide("1.4.2");
    Decision b =
        DecisionEngine.decide(
            new DecisionRequest("shop", "prod", "1.4.2", Slot.GREEN),
            POLICY,
            w.evidence(),
            NOW.plusSeconds(1));
    assertThat(b.decisionId()).isEqualTo(a.decisionId());
    assertThat(b.evaluatedAt()).isNotEqualTo(a.evaluatedAt());
    w.green("g2", "1.4.2");
    assertThat(w.decide("1.4.2").decisionId()).isNotEqualTo(a.decisionId());
    assertThat(
            new World()
                .lint("1.4.2")
                .green("g1", "1.4.2")
                .decide("1.4.2", Slot.GREEN, withMinInstances(2))
                .decisionId())
        .isNotEqualTo(a.decisionId());
  }

  @Test
  void decisionIdSurvivesAgentReportsThatChangeNothingDecisive() {
    Decision first =
        new World()
            .lint("1.4.2")
            .agent(
                "g1",
                Slot.GREEN,
                "1.4.2",
                WarmupVerdict.WARM,
                SessionStorage.SHARED,
                4,
                Duration.ofSeconds(20))
            .agent(
                "b1",
                Slot.BLUE,
                "1.4.1",
                WarmupVerdict.WARM,
                SessionStorage.SHARED,
                30,
                Duration.ofSeconds(20))
            .decide("1.4.2");
    // The same instances five seconds later: new report bodies, new timestamps, other counts.
    Decision refreshed =
        new World()
            .lint("1.4.2")
            .agent(
                "g1",
                Slot.GREEN,
                "1.4.2",
                WarmupVerdict.WARM,
                SessionStorage.SHARED,
                9,
                Duration.ofSeconds(15))
            .agent(
                "b1",
                Slot.BLUE,
                "1.4.1",
                WarmupVerdict.WARM,
                SessionStorage.SHARED,
                41,
                Duration.ofSeconds(15))
            .decide("1.4.2");
    assertThat(first.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(refreshed.decisionId()).isEqualTo(first.decisionId());

    Decision cooled =
        new World()
            .lint("1.4.2")
            .agent(
                "g1",
                Slot.GREEN,
                "1.4.2",
                WarmupVerdict.WARMING,
                SessionStorage.SHARED,
                9,
                Duration.ofSeconds(15))
            .agent(
                "b1",
                Slot.BLUE,
                "1.4.1",
                WarmupVerdict.WARM,
                SessionStorage.SHARED,
                41,
                Duration.ofSeconds(15))
            .decide("1.4.2");
    assertThat(cooled.decisionId()).isNotEqualTo(first.decisionId());

    Decision sessionsInMemory =
        new World()
            .lint("1.4.2")
            .agent(
                "g1",
                Slot.GREEN,
                "1.4.2",
                WarmupVerdict.WARM,
                SessionStorage.SHARED,
                9,
                Duration.ofSeconds(15))
            .agent(
                "b1",
                Slot.BLUE,
                "1.4.1",
                WarmupVerdict.WARM,
                SessionStorage.IN_MEMORY,
                41,
                Duration.ofSeconds(15))
            .decide("1.4.2");
    assertThat(sessionsInMemory.decisionId()).isNotEqualTo(first.decisionId());
    assertThat(codes(sessionsInMemory)).containsExactly(ReasonCode.SESSIONS_AT_RISK);
  }

  @Test
  void validUntilIsTheEarliestOfValidityAndEvidenceExpiry() {
    Decision d =
        new World()
            .lint("1.4.2")
            .agent(
                "g1",
                Slot.GREEN,
                "1.4.2",
                WarmupVerdict.WARM,
                SessionStorage.NONE,
                0,
                Duration.ofSeconds(50))
            .decide("1.4.2");
    assertThat(d.validUntil()).isEqualTo(NOW.plusSeconds(10));
    Decision fresh =
        new World()
            .lint("1.4.2")
            .agent(
                "g1",
                Slot.GREEN,
                "1.4.2",
                WarmupVerdict.WARM,
                SessionStorage.NONE,
                0,
                Duration.ZERO)
            .decide("1.4.2");
    assertThat(fresh.validUntil()).isEqualTo(NOW.plusSeconds(60));
    Policy shortValidity =
        new Policy(
            EnumSet.of(EvidenceKind.LINT),
            Severity.ERROR,
            1,
            Duration.ofSeconds(60),
            Set.of(WarmupVerdict.WARM),
            Set.of(SessionStorage.NONE),
            0,
            Duration.ofSeconds(20),
            Duration.ofMinutes(30),
            Slot.BLUE);
    assertThat(
            new World()
                .lint("1.4.2")
                .green("g1", "1.4.2")
                .decide("1.4.2", Slot.GREEN, shortValidity)
                .validUntil())
        .isEqualTo(NOW.plusSeconds(20));
  }

  @Test
  void aCandidateWithoutSessionsYetIsJudgedByItsConfiguredStorageOnceTheAppUsesSessions() {
    // blue keeps 37 sessions in a shared store; green 1.4.2 has no session yet, but its Tomcat
    // has a StandardManager: the first login on green would live in that JVM's memory
    World w =
        new World()
            .lint("1.4.2")
            .report(
                "shop-green-1", Slot.GREEN, SessionStorage.NONE, 0, SessionStorage.IN_MEMORY, false)
            .report(
                "shop-blue-1", Slot.BLUE, SessionStorage.SHARED, 37, SessionStorage.SHARED, false);
    Decision d = w.decide("1.4.2");
    assertThat(d.verdict()).isEqualTo(Verdict.DENY);
    assertThat(codes(d)).containsExactly(ReasonCode.SESSIONS_IN_MEMORY);
    assertThat(d.reasons().get(0).message())
        .startsWith(
            "green instance shop-green-1 would keep sessions in memory ("
                + STANDARD_MANAGER
                + "); the live slot blue holds 37 session(s) (shop-blue-1: SHARED, 37)");
    assertThat(d.reasons().get(0).evidence()).startsWith("agent:shop-green-1#");

    // the live slot keeps its sessions in memory: both the cost now and the cost next time
    Decision inMemoryBlue =
        new World()
            .lint("1.4.2")
            .report(
                "shop-green-1", Slot.GREEN, SessionStorage.NONE, 0, SessionStorage.IN_MEMORY, false)
            .report(
                "shop-blue-1",
                Slot.BLUE,
                SessionStorage.IN_MEMORY,
                37,
                SessionStorage.IN_MEMORY,
                false)
            .decide("1.4.2");
    assertThat(codes(inMemoryBlue))
        .containsExactly(ReasonCode.SESSIONS_IN_MEMORY, ReasonCode.SESSIONS_AT_RISK);

    // green configured with a shared store: allowed
    Decision sharedGreen =
        new World()
            .lint("1.4.2")
            .report(
                "shop-green-1", Slot.GREEN, SessionStorage.NONE, 0, SessionStorage.SHARED, false)
            .report(
                "shop-blue-1", Slot.BLUE, SessionStorage.SHARED, 37, SessionStorage.SHARED, false)
            .decide("1.4.2");
    assertThat(sharedGreen.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(sharedGreen.decisionId()).isNotEqualTo(d.decisionId());
  }

  @Test
  void aStatelessAppWithAnUnusedInMemoryManagerStaysAllowed() {
    World w =
        new World()
            .lint("1.4.2")
            .report(
                "shop-green-1", Slot.GREEN, SessionStorage.NONE, 0, SessionStorage.IN_MEMORY, false)
            .report(
                "shop-blue-1", Slot.BLUE, SessionStorage.NONE, 0, SessionStorage.IN_MEMORY, false);
    Decision stateless = w.decide("1.4.2");
    assertThat(stateless.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(stateless.reasons()).isEmpty();

    // the moment blue shows a session store in use, the same green report is denied, with a new id
    Decision used =
        new World()
            .lint("1.4.2")
            .report(
                "shop-green-1", Slot.GREEN, SessionStorage.NONE, 0, SessionStorage.IN_MEMORY, false)
            .report(
                "shop-blue-1",
                Slot.BLUE,
                SessionStorage.IN_MEMORY,
                0,
                SessionStorage.IN_MEMORY,
                false)
            .decide("1.4.2");
    assertThat(codes(used)).containsExactly(ReasonCode.SESSIONS_IN_MEMORY);
    assertThat(used.reasons().get(0).message())
        .contains("the live slot blue uses sessions (shop-blue-1: IN_MEMORY, 0)");
    assertThat(used.decisionId()).isNotEqualTo(stateless.decisionId());
  }

  @Test
  void theCandidatesOwnSessionsShowThatTheAppUsesThem() {
    // no live-slot report at all: green's own instances are the evidence
    Decision ownSessions =
        new World()
            .lint("1.4.2")
            .report(
                "shop-green-1", Slot.GREEN, SessionStorage.NONE, 2, SessionStorage.IN_MEMORY, false)
            .decide("1.4.2");
    assertThat(codes(ownSessions)).containsExactly(ReasonCode.SESSIONS_IN_MEMORY);
    assertThat(ownSessions.reasons().get(0).message())
        .contains("shop-green-1 would keep sessions in memory")
        .contains("it already reports 2 active session(s)");

    Decision sibling =
        new World()
            .lint("1.4.2")
            .report(
                "shop-green-1", Slot.GREEN, SessionStorage.NONE, 0, SessionStorage.IN_MEMORY, false)
            .report(
                "shop-green-2",
                Slot.GREEN,
                SessionStorage.IN_MEMORY,
                1,
                SessionStorage.IN_MEMORY,
                false)
            .decide("1.4.2");
    assertThat(sibling.reasons())
        .extracting(Reason::message)
        .anySatisfy(m -> assertThat(m).startsWith("shop-green-2 keeps sessions in IN_MEMORY"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("green instance shop-green-1 would keep sessions in memory")
                    .contains("shop-green-2 of the same release uses sessions (IN_MEMORY, 1)"));
  }

  @Test
  void configuredStorageIsIgnoredWhenAbsentOrWhenASessionStoreIsInUse() {
    // an older agent that does not report configuredStorage: judged by storage, as before
    Decision olderAgent =
        new World()
            .lint("1.4.2")
            .report("shop-green-1", Slot.GREEN, SessionStorage.NONE, 0, null, false)
            .report(
                "shop-blue-1", Slot.BLUE, SessionStorage.SHARED, 37, SessionStorage.SHARED, false)
            .decide("1.4.2");
    assertThat(olderAgent.verdict()).isEqualTo(Verdict.ALLOW);
    // Spring Session on Tomcat: sessions are SHARED although Tomcat's own manager is in memory
    Decision springSession =
        new World()
            .lint("1.4.2")
            .report(
                "shop-green-1",
                Slot.GREEN,
                SessionStorage.SHARED,
                3,
                SessionStorage.IN_MEMORY,
                false)
            .report(
                "shop-blue-1",
                Slot.BLUE,
                SessionStorage.SHARED,
                37,
                SessionStorage.IN_MEMORY,
                false)
            .decide("1.4.2");
    assertThat(springSession.verdict()).isEqualTo(Verdict.ALLOW);
  }

  @Test
  void aStoppingInstanceStopsCountingAtOnceInsteadOfLingeringUntilTheTtl() {
    // the candidate's only instance sent its shutdown report 3 s ago (the TTL is 60 s)
    Decision candidateStopped =
        new World()
            .lint("1.4.2")
            .report(
                "shop-green-1", Slot.GREEN, SessionStorage.SHARED, 0, SessionStorage.SHARED, true)
            .decide("1.4.2");
    assertThat(candidateStopped.verdict()).isEqualTo(Verdict.PENDING);
    assertThat(codes(candidateStopped)).containsExactly(ReasonCode.TOO_FEW_INSTANCES);
    assertThat(candidateStopped.reasons().get(0).message())
        .isEqualTo(
            "0 fresh green agent report(s) of release 1.4.2; the policy needs 1; stopped:"
                + " shop-green-1");
    assertThat(candidateStopped.evidence().agents()).isEmpty();
    // the same report without the flag still counts
    Decision running =
        new World()
            .lint("1.4.2")
            .report(
                "shop-green-1", Slot.GREEN, SessionStorage.SHARED, 0, SessionStorage.SHARED, false)
            .decide("1.4.2");
    assertThat(running.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(running.decisionId()).isNotEqualTo(candidateStopped.decisionId());

    // a stopped blue JVM's 37 in-memory sessions are gone already: not at risk, and not "stale"
    World live =
        new World()
            .lint("1.4.2")
            .report(
                "shop-green-1", Slot.GREEN, SessionStorage.SHARED, 0, SessionStorage.SHARED, false)
            .report(
                "shop-blue-1",
                Slot.BLUE,
                SessionStorage.IN_MEMORY,
                37,
                SessionStorage.IN_MEMORY,
                true);
    Decision liveStopped = live.decide("1.4.2");
    assertThat(liveStopped.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(liveStopped.evidence().liveSlotAgents()).isEmpty();
    live.report(
        "shop-blue-2", Slot.BLUE, SessionStorage.IN_MEMORY, 4, SessionStorage.IN_MEMORY, false);
    Decision oneLiveLeft = live.decide("1.4.2");
    assertThat(codes(oneLiveLeft)).containsExactly(ReasonCode.SESSIONS_AT_RISK);
    assertThat(oneLiveLeft.reasons().get(0).message()).startsWith("4 live in-memory session(s)");
    assertThat(oneLiveLeft.evidence().liveSlotAgents()).containsExactly("shop-blue-2");
  }

  @Test
  void reportsOlderThanTheRetentionAreIgnoredExceptTheNewestOfEachSlot() {
    // retention = 10 × agent-report-ttl (60 s) = 10 min
    assertThat(POLICY.agentReportRetention()).isEqualTo(Duration.ofMinutes(10));
    World w =
        new World()
            .lint("1.4.2")
            .green("g1", "1.4.2")
            .agent(
                "g-recent",
                Slot.GREEN,
                "1.4.2",
                WarmupVerdict.WARM,
                SessionStorage.SHARED,
                0,
                Duration.ofMinutes(5))
            .agent(
                "g-gone",
                Slot.GREEN,
                "1.4.2",
                WarmupVerdict.WARM,
                SessionStorage.SHARED,
                0,
                Duration.ofMinutes(11))
            // blue's only report: older than the retention, but the newest of its slot
            .agent(
                "b-quiet",
                Slot.BLUE,
                "1.4.1",
                WarmupVerdict.WARM,
                SessionStorage.IN_MEMORY,
                3,
                Duration.ofMinutes(30));
    Decision d = w.decide("1.4.2", Slot.GREEN, withMinInstances(2));
    assertThat(codes(d))
        .containsExactly(
            ReasonCode.TOO_FEW_INSTANCES, ReasonCode.EVIDENCE_STALE, ReasonCode.EVIDENCE_STALE);
    assertThat(d.reasons())
        .extracting(Reason::message)
        .anySatisfy(m -> assertThat(m).startsWith("g-recent last reported 300s ago"))
        .anySatisfy(m -> assertThat(m).contains("live slot blue has only stale agent reports"))
        .noneSatisfy(m -> assertThat(m).contains("g-gone"));

    // the same decision, id included, once the store has pruned what the engine ignores
    World pruned = new World().lint("1.4.2");
    pruned.agents.addAll(DecisionEngine.considered(w.agents, POLICY, NOW));
    assertThat(pruned.agents)
        .extracting(AgentObservation::instanceId)
        .containsExactlyInAnyOrder("g1", "g-recent", "b-quiet");
    Decision afterPruning = pruned.decide("1.4.2", Slot.GREEN, withMinInstances(2));
    assertThat(afterPruning.decisionId()).isEqualTo(d.decisionId());
    assertThat(afterPruning.reasons()).isEqualTo(d.reasons());
  }

  private static Policy withMinInstances(int n) {
    Policy p = POLICY;
    return new Policy(
        p.requireEvidence(),
        p.blockingSeverity(),
        n,
        p.agentReportTtl(),
        p.acceptedWarmup(),
        p.allowedSessionStorage(),
        p.maxLiveSessionsAtRisk(),
        p.decisionValidFor(),
        p.insuranceWindow(),
        p.initialLiveSlot());
  }
}
