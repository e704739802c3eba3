package dev.greenlight.gate.http;

import static dev.greenlight.gate.http.TestGate.AGENT;
import static dev.greenlight.gate.http.TestGate.CI;
import static dev.greenlight.gate.http.TestGate.VIEWER;
import static dev.greenlight.gate.http.TestGate.lintReport;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.gate.GateServer;
import dev.greenlight.gate.config.GateConfig;
import dev.greenlight.gate.decision.AgentObservation;
import dev.greenlight.gate.decision.Decision;
import dev.greenlight.gate.decision.DecisionEngine;
import dev.greenlight.gate.decision.DecisionRequest;
import dev.greenlight.gate.decision.Evidence;
import dev.greenlight.gate.decision.EvidenceKind;
import dev.greenlight.gate.decision.MigrationReport;
import dev.greenlight.gate.decision.Policy;
import dev.greenlight.gate.decision.Reason;
import dev.greenlight.gate.decision.SessionStorage;
import dev.greenlight.gate.decision.Slot;
import dev.greenlight.gate.decision.Verdict;
import dev.greenlight.gate.decision.WarmupVerdict;
import dev.greenlight.gate.http.GateClient.Answer;
import dev.greenlight.gate.store.GateDatabase;
import dev.greenlight.testkit.RealPostgres;
import dev.greenlight.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Half an hour of a busy app/env replayed in seconds on a stepped clock: blue and green JVMs come
 * and go under new instance ids, some say goodbye with a shutdown report, blue goes quiet for
 * longer than the TTL now and then, green changes release. The gate must keep the agent-report
 * table bounded, and every decision it gives must equal the engine's decision over the complete,
 * never pruned history (same id, verdict and reasons).
 */
@RealPostgres
class AgentReportPruningTest {
  private static final String APP = "replay";
  private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");
  private static final int STEPS = 360;
  private static final int STEP_SECONDS = 5;

  /** A clock the test moves; the gate reads it for received-at, freshness and pruning. */
  private static final class SteppedClock extends Clock {
    private volatile Instant now = START;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static String report(
      String slot,
      String release,
      String instance,
      Instant observedAt,
      WarmupVerdict warmup,
      SessionStorage storage,
      SessionStorage configured,
      long active,
      boolean stopping) {
    return """
        {"app": "%s", "environment": "prod", "slot": "%s", "release": "%s",
         "instanceId": "%s", "observedAt": "%s", "uptimeSeconds": 1,
         "warmup": {"verdict": "%s", "reasons": []},
         "sessions": {"storage": "%s", "configuredStorage": "%s",
           "manager": "org.apache.catalina.session.StandardManager", "active": %d},
         "stopping": %s}
        """
        .formatted(
            APP,
            slot,
            release,
            instance,
            observedAt,
            warmup,
            storage,
            configured,
            active,
            stopping);
  }

  private static long rows(TestDatabase db) throws SQLException {
    try (Connection c = DriverManager.getConnection(TestGate.jdbcUrl(db));
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM greenlight_gate.agent_report WHERE app = ?")) {
      s.setString(1, APP);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static List<String> reasons(JsonNode decision) {
    List<String> out = new ArrayList<>();
    decision
        .path("reasons")
        .forEach(
            r ->
                out.add(
                    r.path("code").asText()
                        + " "
                        + r.path("message").asText()
                        + " "
                        + r.path("evidence").asText()));
    return out;
  }

  private static List<String> reasons(Decision d) {
    return d.reasons().stream()
        .map((Reason r) -> r.code() + " " + r.message() + " " + r.evidence())
        .toList();
  }

  @Test
  void theTableStaysBoundedAndDecisionsEqualThoseOverTheFullHistory(TestDatabase db)
      throws Exception {
    GateConfig config =
        TestGate.config(
            """
            defaults:
              agent-report-ttl: 10s
              min-instances: 1
            """);
    Policy policy = config.policyFor(APP, "prod");
    SteppedClock clock = new SteppedClock();
    Map<String, AgentObservation> history = new LinkedHashMap<>();
    Map<String, MigrationReport> lint = new HashMap<>();
    Map<Verdict, Integer> verdicts = new HashMap<>();
    long maxRows = 0;
    try (GateServer gate =
        GateServer.create(
                config, GateDatabase.external(TestGate.jdbcUrl(db), 4), "127.0.0.1", 0, clock)
            .start()) {
      GateClient c = new GateClient(gate.port());
      for (String release : List.of("2.0", "2.1")) {
        Answer put =
            c.put("/v1/apps/" + APP + "/releases/" + release + "/lint-report", CI, lintReport());
        lint.put(
            Evidence.key(EvidenceKind.LINT, release),
            new MigrationReport(
                EvidenceKind.LINT, release, put.json().path("digest").asText(), List.of(), START));
      }
      int reportsSent = 0;
      for (int step = 0; step < STEPS; step++) {
        clock.now = START.plusSeconds((long) step * STEP_SECONDS);
        List<Object[]> posts = new ArrayList<>();
        // blue: a new JVM every minute; quiet for 25 s (> TTL) in every 200 s, even generations
        // say goodbye with a shutdown report
        int blueGen = step / 12;
        // and once for 130 s, longer than the retention: its newest report must stay, so that
        // the live slot stays "unknown" (EVIDENCE_STALE) rather than "empty"
        boolean blueQuiet = step % 40 >= 30 && step % 40 < 35 || step >= 300 && step < 326;
        if (step > 0 && step % 12 == 0 && (blueGen - 1) % 2 == 0) {
          posts.add(
              new Object[] {
                "blue",
                "1.9",
                "replay-blue-" + (blueGen - 1),
                WarmupVerdict.WARM,
                SessionStorage.IN_MEMORY,
                SessionStorage.IN_MEMORY,
                (long) (step % 3),
                true
              });
        }
        if (!blueQuiet) {
          posts.add(
              new Object[] {
                "blue",
                "1.9",
                "replay-blue-" + blueGen,
                WarmupVerdict.WARM,
                step % 4 == 0 ? SessionStorage.NONE : SessionStorage.IN_MEMORY,
                SessionStorage.IN_MEMORY,
                (long) (step % 4 == 0 ? 0 : step % 3),
                false
              });
        }
        // green: a new JVM every 35 s, warming for its first two reports, a new release every
        // 450 s; every fifth generation has Tomcat's in-memory manager configured
        int greenGen = step / 7;
        String greenRelease = (step / 90) % 2 == 0 ? "2.0" : "2.1";
        posts.add(
            new Object[] {
              "green",
              greenRelease,
              "replay-green-" + greenGen,
              step % 7 < 2 ? WarmupVerdict.WARMING : WarmupVerdict.WARM,
              SessionStorage.NONE,
              greenGen % 5 == 3 ? SessionStorage.IN_MEMORY : SessionStorage.SHARED,
              0L,
              false
            });
        for (Object[] p : posts) {
          String body =
              report(
                  (String) p[0],
                  (String) p[1],
                  (String) p[2],
                  clock.now,
                  (WarmupVerdict) p[3],
                  (SessionStorage) p[4],
                  (SessionStorage) p[5],
                  (Long) p[6],
                  (Boolean) p[7]);
          Answer a = c.post("/v1/apps/" + APP + "/envs/prod/agents", AGENT, body);
          assertThat(a.status()).as(a.body()).isEqualTo(200);
          reportsSent++;
          Instant received = Instant.parse(a.json().path("receivedAt").asText());
          history.put(
              (String) p[2],
              new AgentObservation(
                  (String) p[2],
                  Slot.parse((String) p[0]).orElseThrow(),
                  (String) p[1],
                  (WarmupVerdict) p[3],
                  (SessionStorage) p[4],
                  (Long) p[6],
                  "org.apache.catalina.session.StandardManager",
                  a.json().path("digest").asText(),
                  clock.now,
                  received,
                  (SessionStorage) p[5],
                  (Boolean) p[7]));
        }
        for (String release : new String[] {greenRelease, null}) {
          JsonNode served =
              c.get(
                      "/v1/apps/"
                          + APP
                          + "/envs/prod/decision?slot=green"
                          + (release == null ? "" : "&release=" + release),
                      VIEWER)
                  .json();
          Decision full =
              DecisionEngine.decide(
                  new DecisionRequest(APP, "prod", release, Slot.GREEN),
                  policy,
                  new Evidence(Slot.BLUE, List.copyOf(history.values()), lint, List.of()),
                  clock.now);
          assertThat(served.path("decisionId").asText())
              .as("step %d release %s: %s", step, release, served)
              .isEqualTo(full.decisionId());
          assertThat(served.path("verdict").asText()).isEqualTo(full.verdict().wire());
          assertThat(reasons(served)).isEqualTo(reasons(full));
          verdicts.merge(full.verdict(), 1, Integer::sum);
        }
        if (step % 10 == 9) {
          maxRows = Math.max(maxRows, rows(db));
        }
      }
      System.out.printf(
          "replayed %d agent reports from %d instances; agent_report rows at most %d, verdicts %s%n",
          reportsSent, history.size(), maxRows, verdicts);
      assertThat(reportsSent).isGreaterThan(650);
      assertThat(history).hasSizeGreaterThan(80);
      // retention = 10 × 10 s: at most a few generations of each slot are younger than that
      assertThat(maxRows).isLessThanOrEqualTo(12);
      assertThat(rows(db)).isLessThanOrEqualTo(12);
      // the replay went through every kind of decision, so the comparison covered them all
      assertThat(verdicts.keySet()).containsAll(EnumSet.allOf(Verdict.class));
      assertThat(c.get("/metrics", VIEWER).body())
          .containsPattern("greenlight_gate_agent_reports_pruned_total \\d{2,}");
    }
  }
}
