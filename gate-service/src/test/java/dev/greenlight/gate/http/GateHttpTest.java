package dev.greenlight.gate.http;

import static dev.greenlight.gate.http.TestGate.AGENT;
import static dev.greenlight.gate.http.TestGate.APPROVER;
import static dev.greenlight.gate.http.TestGate.CI;
import static dev.greenlight.gate.http.TestGate.DEPLOYER;
import static dev.greenlight.gate.http.TestGate.VIEWER;
import static dev.greenlight.gate.http.TestGate.agentReport;
import static dev.greenlight.gate.http.TestGate.dropColumnFinding;
import static dev.greenlight.gate.http.TestGate.lintReport;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.gate.GateServer;
import dev.greenlight.gate.http.GateClient.Answer;
import dev.greenlight.testkit.RealPostgres;
import dev.greenlight.testkit.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@RealPostgres
class GateHttpTest {

  private static String env(String app) {
    return "/v1/apps/" + app + "/envs/prod";
  }

  @Test
  void aReleaseGoesFromPendingToAllowToSwitchAndBack(TestDatabase db) {
    try (GateServer gate = TestGate.start(db, TestGate.config(""))) {
      GateClient c = new GateClient(gate.port());
      String app = "shop";

      Answer pending = c.get(env(app) + "/check?release=1.4.2", VIEWER);
      assertThat(pending.status()).isEqualTo(503);
      assertThat(pending.header("Retry-After")).matches("\\d+");
      assertThat(pending.json().path("verdict").asText()).isEqualTo("pending");
      assertThat(codes(pending.json())).contains("LINT_MISSING", "TOO_FEW_INSTANCES");

      assertThat(c.put("/v1/apps/shop/releases/1.4.2/lint-report", CI, lintReport()).status())
          .isEqualTo(200);
      assertThat(
              c.post(
                      env(app) + "/agents",
                      AGENT,
                      agentReport(
                          "shop", "prod", "green", "1.4.2", "shop-green-1", "WARMING", "SHARED", 0))
                  .status())
          .isEqualTo(200);
      Answer warming = c.get(env(app) + "/decision?release=1.4.2&slot=green", VIEWER);
      assertThat(warming.status()).isEqualTo(200);
      assertThat(codes(warming.json())).containsExactly("NOT_WARM");

      c.post(
          env(app) + "/agents",
          AGENT,
          agentReport("shop", "prod", "green", "1.4.2", "shop-green-1", "WARM", "SHARED", 0));
      c.post(
          env(app) + "/agents",
          AGENT,
          agentReport("shop", "prod", "blue", "1.4.1", "shop-blue-1", "WARM", "IN_MEMORY", 0));
      Answer allow = c.get(env(app) + "/check", VIEWER);
      assertThat(allow.status()).isEqualTo(200);
      JsonNode d = allow.json();
      assertThat(d.path("verdict").asText()).isEqualTo("allow");
      assertThat(d.path("allowed").asBoolean()).isTrue();
      assertThat(d.path("release").asText()).isEqualTo("1.4.2");
      assertThat(d.path("slot").asText()).isEqualTo("green");
      assertThat(d.path("argo").path("verdict").asText()).isEqualTo("allow");
      assertThat(d.path("evidence").path("agents").get(0).asText()).isEqualTo("shop-green-1");
      assertThat(d.path("evidence").path("liveSlotAgents").get(0).asText())
          .isEqualTo("shop-blue-1");
      assertThat(d.path("evidence").path("lint").asText()).startsWith("sha256:");
      assertThat(d.path("policy").asText()).startsWith("sha256:");
      assertThat(Instant.parse(d.path("validUntil").asText()))
          .isAfter(Instant.parse(d.path("evaluatedAt").asText()));
      String decisionId = d.path("decisionId").asText();
      assertThat(
              c.get(env(app) + "/decision?release=1.4.2", VIEWER)
                  .json()
                  .path("decisionId")
                  .asText())
          .isEqualTo(decisionId);

      Answer wrongSlot =
          c.post(
              env(app) + "/switches",
              DEPLOYER,
              "{\"decisionId\": \"" + decisionId + "\", \"to\": \"blue\"}");
      assertThat(wrongSlot.status()).isEqualTo(409);
      Answer switched =
          c.post(
              env(app) + "/switches",
              DEPLOYER,
              "{\"decisionId\": \"" + decisionId + "\", \"to\": \"green\"}");
      assertThat(switched.status()).as(switched.body()).isEqualTo(200);
      assertThat(switched.json().path("live").asText()).isEqualTo("green");
      assertThat(switched.json().path("previous").asText()).isEqualTo("blue");
      Answer again =
          c.post(
              env(app) + "/switches",
              DEPLOYER,
              "{\"decisionId\": \"" + decisionId + "\", \"to\": \"green\"}");
      assertThat(again.status()).isEqualTo(409);
      assertThat(again.json().path("error").asText()).contains("already live");

      JsonNode status = c.get(env(app) + "/status", VIEWER).json();
      assertThat(status.path("live").asText()).isEqualTo("green");
      assertThat(status.path("previous").asText()).isEqualTo("blue");
      assertThat(status.path("decommissionAllowed").asBoolean()).isFalse();
      assertThat(Instant.parse(status.path("insuranceWindowEndsAt").asText()))
          .isEqualTo(Instant.parse(status.path("switchedAt").asText()).plusSeconds(1800));
      assertThat(status.path("rollbackAdvised").asBoolean()).isFalse();

      Answer back = c.post(env(app) + "/switch-back", DEPLOYER, "{\"reason\": \"error rate up\"}");
      assertThat(back.status()).as(back.body()).isEqualTo(200);
      assertThat(back.json().path("live").asText()).isEqualTo("blue");
      assertThat(back.json().path("warnings")).isEmpty();

      JsonNode audit = c.get("/v1/audit?app=shop&env=prod&limit=1000", VIEWER).json();
      assertThat(kinds(audit)).contains("agent-report", "decision", "switch", "switch-back");
      assertThat(c.get("/v1/audit?app=shop&kind=lint-report", VIEWER).json().path("events"))
          .hasSize(1);
      JsonNode verify = c.get("/v1/audit/verify", VIEWER).json();
      assertThat(verify.path("valid").asBoolean()).isTrue();
      assertThat(verify.path("events").asLong()).isGreaterThan(5);
    }
  }

  @Test
  void switchesNeedACurrentAllowAndSwitchBackWarnsAboutIrreversibleMigrations(TestDatabase db) {
    try (GateServer gate = TestGate.start(db, TestGate.config(""))) {
      GateClient c = new GateClient(gate.port());
      String app = "billing";
      c.put("/v1/apps/billing/releases/2.0/lint-report", CI, lintReport(dropColumnFinding(false)));
      c.post(
          env(app) + "/agents",
          AGENT,
          agentReport(app, "prod", "green", "2.0", "billing-green-1", "WARM", "NONE", 0));
      Answer denied = c.get(env(app) + "/check?release=2.0", VIEWER);
      assertThat(denied.status()).isEqualTo(409);
      assertThat(denied.json().path("argo").path("reasons").asText()).isEqualTo("MIGRATION_UNSAFE");
      String deniedId = denied.json().path("decisionId").asText();
      Answer refused =
          c.post(
              env(app) + "/switches",
              DEPLOYER,
              "{\"decisionId\": \"" + deniedId + "\", \"to\": \"green\"}");
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.json().path("field").asText()).isEqualTo("decisionId");

      // an approver waives the migration check for this release only
      Answer override =
          c.post(
              env(app) + "/overrides",
              APPROVER,
              "{\"release\": \"2.0\", \"waives\": [\"MIGRATION_UNSAFE\"], \"reason\": \"contract phase, column unused since 1.9\","
                  + " \"expiresAt\": \""
                  + Instant.now().plusSeconds(3600)
                  + "\"}");
      assertThat(override.status()).as(override.body()).isEqualTo(201);
      assertThat(override.json().path("id").asText()).startsWith("o-");
      Answer allowed = c.get(env(app) + "/check?release=2.0", VIEWER);
      assertThat(allowed.status()).isEqualTo(200);
      JsonNode reason = allowed.json().path("reasons").get(0);
      assertThat(reason.path("waived").asBoolean()).isTrue();
      assertThat(reason.path("waivedBy").asText()).isEqualTo(override.json().path("id").asText());
      String allowId = allowed.json().path("decisionId").asText();

      // evidence changes after the decision: the old id is no longer current
      c.post(
          env(app) + "/agents",
          AGENT,
          agentReport(app, "prod", "green", "2.0", "billing-green-2", "WARM", "NONE", 0));
      Answer stale =
          c.post(
              env(app) + "/switches",
              DEPLOYER,
              "{\"decisionId\": \"" + allowId + "\", \"to\": \"green\"}");
      assertThat(stale.status()).isEqualTo(409);
      assertThat(stale.json().path("error").asText()).contains("no longer current");

      // a new deny reason still blocks despite the override
      c.post(
          env(app) + "/agents",
          AGENT,
          agentReport(app, "prod", "green", "2.0", "billing-green-3", "WARM", "IN_MEMORY", 4));
      Answer newDeny = c.get(env(app) + "/check?release=2.0", VIEWER);
      assertThat(newDeny.status()).isEqualTo(409);
      assertThat(newDeny.json().path("argo").path("reasons").asText())
          .isEqualTo("SESSIONS_IN_MEMORY");
      c.post(
          env(app) + "/agents",
          AGENT,
          agentReport(app, "prod", "green", "2.0", "billing-green-3", "WARM", "SHARED", 4));

      String currentId =
          c.get(env(app) + "/decision?release=2.0", VIEWER).json().path("decisionId").asText();
      assertThat(
              c.post(
                      env(app) + "/switches",
                      DEPLOYER,
                      "{\"decisionId\": \"" + currentId + "\", \"to\": \"green\"}")
                  .status())
          .isEqualTo(200);
      Answer back =
          c.post(env(app) + "/switch-back", DEPLOYER, "{\"reason\": \"checkout broken\"}");
      assertThat(back.status()).isEqualTo(200);
      assertThat(back.json().path("warnings").get(0).asText())
          .contains("ban-drop-column")
          .contains("V42__drop_legacy.sql:3")
          .contains("not undone by switching back");
      assertThat(
              c.post(env("never-switched") + "/switch-back", DEPLOYER, "{\"reason\": \"x\"}")
                  .status())
          .isEqualTo(409);
    }
  }

  @Test
  void statusAdvisesRollbackInTheWindowAndAllowsDecommissionAfterIt(TestDatabase db)
      throws InterruptedException {
    String yaml = "apps:\n  ins:\n    envs:\n      prod:\n        insurance-window: 2s\n";
    try (GateServer gate = TestGate.start(db, TestGate.config(yaml))) {
      GateClient c = new GateClient(gate.port());
      c.put("/v1/apps/ins/releases/1.0/lint-report", CI, lintReport());
      c.post(
          env("ins") + "/agents",
          AGENT,
          agentReport("ins", "prod", "green", "1.0", "ins-g1", "WARM", "NONE", 0));
      JsonNode before = c.get(env("ins") + "/status", VIEWER).json();
      assertThat(before.path("live").asText()).isEqualTo("blue");
      assertThat(before.path("previous").isNull()).isTrue();
      assertThat(before.path("decommissionAllowed").asBoolean()).isFalse();
      String id = c.get(env("ins") + "/decision", VIEWER).json().path("decisionId").asText();
      assertThat(
              c.post(
                      env("ins") + "/switches",
                      DEPLOYER,
                      "{\"decisionId\": \"" + id + "\", \"to\": \"green\"}")
                  .status())
          .isEqualTo(200);
      c.post(
          env("ins") + "/agents",
          AGENT,
          agentReport("ins", "prod", "green", "1.0", "ins-g1", "DEGRADED", "NONE", 0));
      JsonNode during = c.get(env("ins") + "/status", VIEWER).json();
      assertThat(during.path("rollbackAdvised").asBoolean()).isTrue();
      assertThat(during.path("rollbackReasons").get(0).asText())
          .contains("ins-g1")
          .contains("DEGRADED");
      assertThat(during.path("decommissionAllowed").asBoolean()).isFalse();
      Thread.sleep(2100);
      JsonNode after = c.get(env("ins") + "/status", VIEWER).json();
      assertThat(after.path("decommissionAllowed").asBoolean()).isTrue();
      assertThat(after.path("rollbackAdvised").asBoolean()).isFalse();
    }
  }

  @Test
  void rolesTokensAndAnonymousReads(TestDatabase db) {
    try (GateServer gate = TestGate.start(db, TestGate.config("anonymous-read: true\n"))) {
      GateClient c = new GateClient(gate.port());
      String report = lintReport();
      assertThat(c.put("/v1/apps/a/releases/1/lint-report", null, report).status()).isEqualTo(401);
      assertThat(c.put("/v1/apps/a/releases/1/lint-report", "nope", report).status())
          .isEqualTo(401);
      Answer wrongRole = c.put("/v1/apps/a/releases/1/lint-report", AGENT, report);
      assertThat(wrongRole.status()).isEqualTo(403);
      assertThat(wrongRole.json().path("error").asText()).contains("needs role ci");
      assertThat(wrongRole.body()).doesNotContain(AGENT);
      assertThat(
              c.put("/v1/apps/a/releases/1/lint-report?access_token=" + CI, null, report).status())
          .isEqualTo(401);
      assertThat(c.get("/v1/apps/a/envs/prod/decision", null).status()).isEqualTo(200);
      assertThat(c.get("/v1/apps/a/envs/prod/check?access_token=" + VIEWER, null).status())
          .isEqualTo(503);
      assertThat(c.get("/v1/apps/a/envs/prod/check?access_token=wrong", null).status())
          .isEqualTo(401);
      assertThat(c.get("/v1/apps/a/envs/prod/status", null).status()).isEqualTo(401);
      assertThat(c.get("/v1/apps/a/envs/prod/status?access_token=" + DEPLOYER, null).status())
          .isEqualTo(200);
      assertThat(c.get("/healthz", null).status()).isEqualTo(200);
      assertThat(c.get("/metrics", null).status()).isEqualTo(200);
      assertThat(c.post("/v1/apps/a/envs/prod/overrides", DEPLOYER, "{}").status()).isEqualTo(403);
      assertThat(c.post("/v1/apps/a/envs/prod/switches", APPROVER, "{}").status()).isEqualTo(403);
      assertThat(c.put("/v1/apps/a/releases/1/sql", CI, "SELECT 1").status()).isEqualTo(403);
    }
    try (GateServer gate = TestGate.start(db, TestGate.config(""))) {
      GateClient c = new GateClient(gate.port());
      assertThat(c.get("/v1/apps/a/envs/prod/decision", null).status()).isEqualTo(401);
      assertThat(c.get("/", null).status()).isEqualTo(401);
      assertThat(c.get("/metrics", null).status()).isEqualTo(401);
      assertThat(c.get("/healthz", null).status()).isEqualTo(200);
      assertThat(c.get("/v1/apps/a/envs/prod/decision", VIEWER).status()).isEqualTo(200);
    }
  }

  @Test
  void flaggerWebhookCapturedSqlMetricsAndCandidateAmbiguity(TestDatabase db) {
    try (GateServer gate = TestGate.start(db, TestGate.config(""))) {
      GateClient c = new GateClient(gate.port());
      String app = "cart";
      c.put("/v1/apps/cart/releases/3.1/lint-report", CI, lintReport());
      c.post(
          env(app) + "/agents",
          AGENT,
          agentReport(app, "prod", "green", "3.1", "cart-g1", "WARM", "NONE", 0));
      Answer flagger =
          c.post(
              env(app) + "/check",
              VIEWER,
              "{\"name\": \"cart\", \"namespace\": \"prod\", \"phase\": \"Progressing\", \"checksum\": \"abc\","
                  + " \"metadata\": {\"release\": \"3.1\"}}");
      assertThat(flagger.status()).as(flagger.body()).isEqualTo(200);
      c.post(
          env(app) + "/agents",
          AGENT,
          agentReport(app, "prod", "green", "3.2", "cart-g2", "WARM", "NONE", 0));
      Answer ambiguous = c.post(env(app) + "/check", VIEWER, "");
      assertThat(ambiguous.status()).isEqualTo(503);
      assertThat(codes(ambiguous.json())).containsExactly("CANDIDATE_AMBIGUOUS");

      String sql =
          "SELECT id, total FROM orders WHERE customer_id = $1;\nUPDATE carts SET qty = $1 WHERE id = $2;\n";
      assertThat(c.putText("/v1/apps/cart/releases/3.1/sql", AGENT, sql).status()).isEqualTo(200);
      Answer got = c.get("/v1/apps/cart/releases/3.1/sql", CI);
      assertThat(got.status()).isEqualTo(200);
      assertThat(got.body()).isEqualTo(sql);
      assertThat(got.header("Content-Type")).startsWith("text/plain");
      assertThat(c.get("/v1/apps/cart/releases/9.9/sql", CI).status()).isEqualTo(404);
      assertThat(
              c.get("/v1/apps/cart/releases/3.1/lint-report", CI)
                  .json()
                  .path("tool")
                  .path("name")
                  .asText())
          .isEqualTo("greenlight");

      String metrics = c.get("/metrics", VIEWER).body();
      assertThat(metrics).contains("# TYPE greenlight_gate_decision_reads_total counter");
      assertThat(metrics)
          .contains("greenlight_gate_evidence_writes_total{kind=\"agent-report\"} 2");
      assertThat(metrics)
          .containsPattern(
              "greenlight_gate_http_requests_total\\{route=\"POST /v1/apps/\\{app\\}/envs/\\{env\\}/check\",status=\"503\"\\} 1");
      assertThat(metrics).contains("greenlight_gate_evidence_version ");
    }
  }

  static java.util.List<String> codes(JsonNode decision) {
    java.util.List<String> codes = new java.util.ArrayList<>();
    decision
        .path("reasons")
        .forEach(
            r -> {
              if (!r.path("waived").asBoolean()) {
                codes.add(r.path("code").asText());
              }
            });
    return codes;
  }

  static java.util.List<String> kinds(JsonNode audit) {
    java.util.List<String> kinds = new java.util.ArrayList<>();
    audit.path("events").forEach(e -> kinds.add(e.path("kind").asText()));
    return kinds;
  }
}
