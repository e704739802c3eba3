package dev.greenlight.gate.http;

import static dev.greenlight.gate.http.TestGate.AGENT;
import static dev.greenlight.gate.http.TestGate.APPROVER;
import static dev.greenlight.gate.http.TestGate.CI;
import static dev.greenlight.gate.http.TestGate.DEPLOYER;
import static dev.greenlight.gate.http.TestGate.VIEWER;
import static dev.greenlight.gate.http.TestGate.agentReport;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.gate.GateServer;
import dev.greenlight.gate.http.GateClient.Answer;
import dev.greenlight.testkit.RealPostgres;
import dev.greenlight.testkit.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad request gets a 4xx with {error, field}, never a 5xx, and stores nothing. */
@RealPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
  private GateServer gate;
  private GateClient client;

  @BeforeAll
  void start(TestDatabase db) {
    gate = TestGate.start(db, TestGate.config(""));
    client = new GateClient(gate.port());
  }

  @AfterAll
  void stop() {
    gate.close();
  }

  static final String AGENTS = "/v1/apps/shop/envs/prod/agents";
  static final String LINT = "/v1/apps/shop/releases/1.0/lint-report";
  static final String GOOD_AGENT =
      agentReport("shop", "prod", "green", "1.0", "g1", "WARM", "NONE", 0);

  static Stream<Arguments> badRequests() {
    String future = Instant.now().plusSeconds(600).toString();
    return Stream.of(
        // malformed JSON
        bad("POST", AGENTS, AGENT, "{\"app\": \"shop\",", 400, "body"),
        bad("PUT", LINT, CI, "{findings: []}", 400, "body"),
        bad("PUT", LINT, CI, "", 400, "body"),
        bad("PUT", LINT, CI, "{\"findings\": []} trailing", 400, "body"),
        bad("PUT", LINT, CI, "[1, 2]", 400, "body"),
        bad("PUT", LINT, CI, "{\"findings\": [], \"findings\": []}", 400, "body"),
        bad("PUT", LINT, CI, "[".repeat(200) + "]".repeat(200), 400, "body"),
        // wrong types
        bad("PUT", LINT, CI, "{\"findings\": {}}", 400, "findings"),
        bad(
            "PUT",
            LINT,
            CI,
            "{\"findings\": [{\"rule\": 7, \"severity\": \"error\", \"message\": \"m\"}]}",
            400,
            "findings[0].rule"),
        bad(
            "PUT",
            LINT,
            CI,
            "{\"findings\": [{\"rule\": \"r\", \"severity\": \"error\", \"message\": \"m\", \"line\": \"3\"}]}",
            400,
            "findings[0].line"),
        bad(
            "PUT",
            LINT,
            CI,
            "{\"findings\": [{\"rule\": \"r\", \"severity\": \"error\", \"message\": \"m\", \"suppressed\": \"no\"}]}",
            400,
            "findings[0].suppressed"),
        bad("PUT", LINT, CI, "{\"findings\": [], \"migrations\": \"V1\"}", 400, "migrations"),
        bad(
            "POST",
            AGENTS,
            AGENT,
            GOOD_AGENT.replace("\"active\": 0", "\"active\": -1"),
            400,
            "sessions.active"),
        bad(
            "POST",
            AGENTS,
            AGENT,
            GOOD_AGENT.replace("\"uptimeSeconds\": 312", "\"uptimeSeconds\": 1.5"),
            400,
            "uptimeSeconds"),
        // missing fields
        bad("PUT", LINT, CI, "{\"tool\": {\"name\": \"greenlight\"}}", 400, "findings"),
        bad(
            "PUT",
            LINT,
            CI,
            "{\"findings\": [{\"severity\": \"error\", \"message\": \"m\"}]}",
            400,
            "findings[0].rule"),
        bad(
            "POST",
            AGENTS,
            AGENT,
            GOOD_AGENT.replace("\"instanceId\": \"g1\",", ""),
            400,
            "instanceId"),
        bad("POST", AGENTS, AGENT, "{\"app\": \"shop\", \"environment\": \"prod\"}", 400, "slot"),
        bad(
            "POST",
            "/v1/apps/shop/envs/prod/switches",
            DEPLOYER,
            "{\"to\": \"green\"}",
            400,
            "decisionId"),
        bad("POST", "/v1/apps/shop/envs/prod/switch-back", DEPLOYER, "{}", 400, "reason"),
        bad(
            "POST",
            "/v1/apps/shop/envs/prod/overrides",
            APPROVER,
            "{\"release\": \"1.0\", \"waives\": [\"MIGRATION_UNSAFE\"], \"expiresAt\": \""
                + future
                + "\"}",
            400,
            "reason"),
        bad(
            "POST",
            "/v1/apps/shop/envs/prod/codedeploy-hook",
            DEPLOYER,
            "{\"DeploymentId\": \"d-1\"}",
            400,
            "lifecycleEventHookExecutionId"),
        // unknown enum values
        bad(
            "PUT",
            LINT,
            CI,
            "{\"findings\": [{\"rule\": \"r\", \"severity\": \"fatal\", \"message\": \"m\"}]}",
            400,
            "findings[0].severity"),
        bad(
            "POST",
            AGENTS,
            AGENT,
            GOOD_AGENT.replace("\"WARM\"", "\"HOT\""),
            400,
            "warmup.verdict"),
        bad(
            "POST",
            AGENTS,
            AGENT,
            GOOD_AGENT.replace("\"NONE\"", "\"REDIS\""),
            400,
            "sessions.storage"),
        bad("POST", AGENTS, AGENT, GOOD_AGENT.replace("\"green\"", "\"purple\""), 400, "slot"),
        bad(
            "POST",
            "/v1/apps/shop/envs/prod/switches",
            DEPLOYER,
            "{\"decisionId\": \"d-" + "0".repeat(32) + "\", \"to\": \"red\"}",
            400,
            "to"),
        bad(
            "POST",
            "/v1/apps/shop/envs/prod/overrides",
            APPROVER,
            "{\"release\": \"1.0\", \"waives\": [\"EVERYTHING\"], \"reason\": \"r\", \"expiresAt\": \""
                + future
                + "\"}",
            400,
            "waives[0]"),
        bad(
            "POST",
            "/v1/apps/shop/envs/prod/overrides",
            APPROVER,
            "{\"release\": \"1.0\", \"waives\": [\"NOT_WARM\"], \"reason\": \"r\", \"expiresAt\": \"2020-01-01T00:00:00Z\"}",
            400,
            "expiresAt"),
        bad(
            "POST",
            "/v1/apps/shop/envs/prod/overrides",
            APPROVER,
            "{\"release\": \"1.0\", \"waives\": [\"NOT_WARM\"], \"reason\": \"r\", \"expiresAt\": \"tomorrow\"}",
            400,
            "expiresAt"),
        bad("GET", "/v1/apps/shop/envs/prod/decision?slot=purple", VIEWER, null, 400, "slot"),
        bad("GET", "/v1/audit?limit=100000", VIEWER, null, 400, "limit"),
        bad("GET", "/v1/audit?after=x", VIEWER, null, 400, "after"),
        // body/path mismatches
        bad(
            "POST",
            AGENTS,
            AGENT,
            GOOD_AGENT.replace("\"app\": \"shop\"", "\"app\": \"other\""),
            400,
            "app"),
        bad(
            "POST",
            AGENTS,
            AGENT,
            GOOD_AGENT.replace("\"environment\": \"prod\"", "\"environment\": \"stage\""),
            400,
            "environment"),
        // path tricks
        bad("GET", "/v1/apps/..%2F..%2Fetc/envs/prod/decision", VIEWER, null, 400, "app"),
        bad("GET", "/v1/apps/%2E%2E/envs/prod/decision", VIEWER, null, 400, "app"),
        bad("PUT", "/v1/apps/shop/releases/1.0%00/sql", AGENT, "SELECT 1", 400, "path"),
        bad("GET", "/v1/apps/" + "a".repeat(200) + "/envs/prod/decision", VIEWER, null, 400, "app"),
        bad("GET", "/v1/apps/shop/envs/prod/nothing", VIEWER, null, 404, "path"),
        bad("DELETE", LINT, CI, null, 404, "path"),
        // bad tokens
        bad("POST", AGENTS, null, GOOD_AGENT, 401, "Authorization"),
        bad("POST", AGENTS, "not-a-token", GOOD_AGENT, 401, "Authorization"),
        bad("POST", AGENTS, CI, GOOD_AGENT, 403, "Authorization"),
        bad("GET", "/v1/audit", "x", null, 401, "Authorization"),
        // content type
        bad("PUT", "/v1/apps/shop/releases/1.0/sql", AGENT, "{\"sql\": 1}", 415, "Content-Type"));
  }

  private static Arguments bad(
      String method, String path, String token, String body, int status, String field) {
    return Arguments.of(method, path, token, body, status, field);
  }

  @ParameterizedTest(name = "{0} {1} -> {4} {5}")
  @MethodSource("badRequests")
  void answersWithAClearClientError(
      String method, String path, String token, String body, int status, String field)
      throws IOException {
    JsonNode before = client.get("/v1/audit/verify", VIEWER).json();
    Answer a =
        raw(
            method,
            path,
            token,
            body,
            path.contains("/sql") && !body.startsWith("{") ? "text/plain" : "application/json");
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    JsonNode error = a.json();
    assertThat(error.path("error").asText()).isNotBlank();
    assertThat(error.path("field").asText()).as(a.body()).isEqualTo(field);
    assertThat(a.body()).doesNotContain("Exception").doesNotContain("\tat ");
    if (token != null) {
      assertThat(a.body()).doesNotContain(token);
    }
    JsonNode after = client.get("/v1/audit/verify", VIEWER).json();
    assertThat(after.path("events").asLong())
        .as("nothing stored for a refused request")
        .isEqualTo(before.path("events").asLong());
  }

  @Test
  void oversizedBodiesAreRefusedBeforeReading() throws IOException {
    long before = client.get("/v1/audit/verify", VIEWER).json().path("events").asLong();
    Answer big =
        raw(
            "POST",
            AGENTS,
            AGENT,
            "{\"pad\": \"" + "x".repeat(300_000) + "\"}",
            "application/json");
    assertThat(big.status()).isEqualTo(413);
    assertThat(big.json().path("field").asText()).isEqualTo("body");
    Answer bigReport =
        raw(
            "PUT",
            LINT,
            CI,
            "{\"pad\": \"" + "x".repeat(9 * 1024 * 1024) + "\"}",
            "application/json");
    assertThat(bigReport.status()).isEqualTo(413);
    assertThat(client.get("/v1/audit/verify", VIEWER).json().path("events").asLong())
        .isEqualTo(before);
  }

  @Test
  void aGoodReportAfterAllThatIsStoredAndAudited() {
    long before = client.get("/v1/audit/verify", VIEWER).json().path("events").asLong();
    assertThat(client.post(AGENTS, AGENT, GOOD_AGENT).status()).isEqualTo(200);
    assertThat(client.get("/v1/audit/verify", VIEWER).json().path("events").asLong())
        .isEqualTo(before + 1);
  }

  /** Raw HTTP/1.1 so that paths reach the server exactly as written. */
  private Answer raw(String method, String path, String token, String body, String contentType)
      throws IOException {
    byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    try (Socket s = new Socket("127.0.0.1", gate.port())) {
      s.setSoTimeout(30_000);
      StringBuilder head = new StringBuilder();
      head.append(method)
          .append(' ')
          .append(path)
          .append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
      if (token != null) {
        head.append("Authorization: Bearer ").append(token).append("\r\n");
      }
      if (body != null) {
        head.append("Content-Type: ")
            .append(contentType)
            .append("\r\nContent-Length: ")
            .append(payload.length)
            .append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = s.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      try {
        out.write(payload);
        out.flush();
      } catch (IOException closedEarly) {
        // the server may answer 413 and close before reading everything
      }
      InputStream in = s.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(response.substring(9, 12));
      int split = response.indexOf("\r\n\r\n");
      String headers = response.substring(0, split);
      String content = response.substring(split + 4);
      if (headers.toLowerCase().contains("transfer-encoding: chunked")) {
        content = dechunk(content);
      }
      return new Answer(status, content, null);
    }
  }

  private static String dechunk(String chunked) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < chunked.length()) {
      int eol = chunked.indexOf("\r\n", i);
      int size = Integer.parseInt(chunked.substring(i, eol).trim(), 16);
      if (size == 0) {
        break;
      }
      out.append(chunked, eol + 2, eol + 2 + size);
      i = eol + 2 + size + 2;
    }
    return out.toString();
  }
}
