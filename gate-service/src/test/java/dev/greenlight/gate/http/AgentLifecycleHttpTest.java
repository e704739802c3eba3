package dev.greenlight.gate.http;

import static dev.greenlight.gate.http.GateHttpTest.codes;
import static dev.greenlight.gate.http.TestGate.AGENT;
import static dev.greenlight.gate.http.TestGate.CI;
import static dev.greenlight.gate.http.TestGate.VIEWER;
import static dev.greenlight.gate.http.TestGate.agentReport;
import static dev.greenlight.gate.http.TestGate.lintReport;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.gate.GateServer;
import dev.greenlight.gate.http.GateClient.Answer;
import dev.greenlight.testkit.RealPostgres;
import dev.greenlight.testkit.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Agent reports over HTTP as the agent sends them now: {@code sessions.configuredStorage} and the
 * shutdown report ({@code "stopping": true}), against one gate on the real store.
 */
@RealPostgres
class AgentLifecycleHttpTest {
  private static GateServer gate;
  private static GateClient client;

  @BeforeAll
  static void start(TestDatabase db) {
    gate = TestGate.start(db, TestGate.config(""));
    client = new GateClient(gate.port());
  }

  @AfterAll
  static void stop() {
    gate.close();
  }

  /** An agent report in the shape of the current agent, with the two added fields. */
  static String report(
      String app,
      String slot,
      String release,
      String instance,
      String observedAt,
      String storage,
      String configuredStorage,
      int active,
      Boolean stopping) {
    return """
        {"app": "%s", "environment": "prod", "slot": "%s", "release": "%s",
         "instanceId": "%s", "observedAt": "%s", "uptimeSeconds": 40,
         "warmup": {"verdict": "WARM", "reasons": [], "signals": {"jitMsPerSec": 1.0}},
         "sessions": {"storage": "%s", %s"manager": "org.apache.catalina.session.StandardManager",
           "server": "Apache Tomcat/11.0.27", "active": %d, "attributes": 0, "estimatedBytes": 0,
           "nonSerializableAttributes": 0},
         "sql": {"distinct": 3, "truncated": false}%s}
        """
        .formatted(
            app,
            slot,
            release,
            instance,
            observedAt,
            storage,
            configuredStorage == null
                ? ""
                : "\"configuredStorage\": \"" + configuredStorage + "\", ",
            active,
            stopping == null ? "" : ", \"stopping\": " + stopping);
  }

  private static Answer post(String app, String body) {
    return client.post("/v1/apps/" + app + "/envs/prod/agents", AGENT, body);
  }

  private static Answer check(String app) {
    return client.get("/v1/apps/" + app + "/envs/prod/check?release=2.0", VIEWER);
  }

  @Test
  void aGreenJvmThatWillKeepSessionsInMemoryIsDeniedBeforeAnyoneLogsIn() {
    String app = "cart";
    client.put("/v1/apps/" + app + "/releases/2.0/lint-report", CI, lintReport());
    // blue runs 1.9 with 37 sessions in Tomcat's memory; green 2.0 has no session yet
    assertThat(
            post(
                    app,
                    report(
                        app,
                        "blue",
                        "1.9",
                        "cart-blue-1",
                        "2026-11-26T10:00:00Z",
                        "IN_MEMORY",
                        "IN_MEMORY",
                        37,
                        false))
                .status())
        .isEqualTo(200);
    assertThat(
            post(
                    app,
                    report(
                        app,
                        "green",
                        "2.0",
                        "cart-green-1",
                        "2026-11-26T10:00:00Z",
                        "NONE",
                        "IN_MEMORY",
                        0,
                        null))
                .status())
        .isEqualTo(200);
    Answer denied = check(app);
    assertThat(denied.status()).isEqualTo(409);
    assertThat(codes(denied.json())).containsExactly("SESSIONS_IN_MEMORY", "SESSIONS_AT_RISK");
    assertThat(denied.json().path("reasons").get(0).path("message").asText())
        .startsWith(
            "green instance cart-green-1 would keep sessions in memory"
                + " (org.apache.catalina.session.StandardManager); the live slot blue holds 37"
                + " session(s)");

    // an older agent (no configuredStorage) on the same green instance: judged by storage only
    post(app, agentReport(app, "prod", "green", "2.0", "cart-green-1", "WARM", "NONE", 0));
    assertThat(codes(check(app).json())).containsExactly("SESSIONS_AT_RISK");
  }

  @Test
  void aStatelessAppIsAllowedAlthoughItsTomcatHasAnInMemoryManager() {
    String app = "static";
    client.put("/v1/apps/" + app + "/releases/2.0/lint-report", CI, lintReport());
    post(
        app,
        report(
            app,
            "blue",
            "1.9",
            "static-blue-1",
            "2026-11-26T10:00:00Z",
            "NONE",
            "IN_MEMORY",
            0,
            false));
    post(
        app,
        report(
            app,
            "green",
            "2.0",
            "static-green-1",
            "2026-11-26T10:00:00Z",
            "NONE",
            "IN_MEMORY",
            0,
            false));
    Answer allowed = check(app);
    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.json().path("reasons").size()).isZero();
  }

  @Test
  void aShutdownReportStopsTheInstanceCountingAtOnce() {
    String app = "orders";
    client.put("/v1/apps/" + app + "/releases/2.0/lint-report", CI, lintReport());
    post(
        app,
        report(
            app,
            "blue",
            "1.9",
            "orders-blue-1",
            "2026-11-26T10:00:00Z",
            "IN_MEMORY",
            "IN_MEMORY",
            12,
            false));
    post(
        app,
        report(
            app,
            "green",
            "2.0",
            "orders-green-1",
            "2026-11-26T10:00:00Z",
            "SHARED",
            "SHARED",
            0,
            false));
    assertThat(codes(check(app).json())).containsExactly("SESSIONS_AT_RISK");

    // blue's JVM stops (its 12 in-memory sessions go with it): no longer the cost of switching
    Answer blueStopping =
        post(
            app,
            report(
                app,
                "blue",
                "1.9",
                "orders-blue-1",
                "2026-11-26T10:00:05Z",
                "IN_MEMORY",
                "IN_MEMORY",
                12,
                true));
    assertThat(blueStopping.status()).isEqualTo(200);
    assertThat(blueStopping.json().path("stopping").asBoolean()).isTrue();
    Answer allowed = check(app);
    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.json().path("evidence").path("liveSlotAgents").size()).isZero();

    // green's only instance stops: pending at once, not after agent-report-ttl (60 s)
    post(
        app,
        report(
            app,
            "green",
            "2.0",
            "orders-green-1",
            "2026-11-26T10:00:10Z",
            "SHARED",
            "SHARED",
            0,
            true));
    Answer pending = check(app);
    assertThat(pending.status()).isEqualTo(503);
    assertThat(codes(pending.json())).containsExactly("TOO_FEW_INSTANCES");
    assertThat(pending.json().path("reasons").get(0).path("message").asText())
        .endsWith("stopped: orders-green-1");
    assertThat(client.get("/", VIEWER).body()).contains("orders-green-1").contains("(stopped)");
    JsonNode status = client.get("/v1/apps/" + app + "/envs/prod/status", VIEWER).json();
    assertThat(status.path("instances").findValuesAsText("instanceId"))
        .containsExactly("orders-blue-1", "orders-green-1");
    assertThat(status.path("instances").findValuesAsText("state"))
        .containsExactly("stopped", "stopped");

    // a routine report that was in flight behind the shutdown report does not revive it
    post(
        app,
        report(
            app,
            "green",
            "2.0",
            "orders-green-1",
            "2026-11-26T10:00:09Z",
            "SHARED",
            "SHARED",
            0,
            false));
    assertThat(check(app).status()).isEqualTo(503);
    // a restarted JVM that reuses the instance id reports later observations: it counts again
    post(
        app,
        report(
            app,
            "green",
            "2.0",
            "orders-green-1",
            "2026-11-26T10:01:00Z",
            "SHARED",
            "SHARED",
            0,
            false));
    assertThat(check(app).status()).isEqualTo(200);
    assertThat(
            client
                .get("/v1/apps/" + app + "/envs/prod/status", VIEWER)
                .json()
                .path("instances")
                .findValuesAsText("state"))
        .containsExactly("stopped", "fresh");
  }

  @Test
  void badValuesOfTheAddedFieldsAreRejectedNamingTheField() {
    String app = "bad";
    Answer storage =
        post(
            app,
            report(
                app,
                "green",
                "2.0",
                "bad-green-1",
                "2026-11-26T10:00:00Z",
                "NONE",
                "IN_RAM",
                0,
                null));
    assertThat(storage.status()).isEqualTo(400);
    assertThat(storage.json().path("field").asText()).isEqualTo("sessions.configuredStorage");
    String stoppingText =
        report(app, "green", "2.0", "bad-green-1", "2026-11-26T10:00:00Z", "NONE", null, 0, null)
            .replace("\"sql\"", "\"stopping\": \"yes\", \"sql\"");
    Answer stopping = post(app, stoppingText);
    assertThat(stopping.status()).isEqualTo(400);
    assertThat(stopping.json().path("field").asText()).isEqualTo("stopping");
    assertThat(
            client
                .get("/v1/apps/bad/envs/prod/decision?release=2.0", VIEWER)
                .json()
                .path("evidence")
                .path("agents")
                .size())
        .isZero();
  }
}
