package dev.greenlight.gate.http;

import static dev.greenlight.gate.http.TestGate.AGENT;
import static dev.greenlight.gate.http.TestGate.CI;
import static dev.greenlight.gate.http.TestGate.DEPLOYER;
import static dev.greenlight.gate.http.TestGate.VIEWER;
import static dev.greenlight.gate.http.TestGate.agentReport;
import static dev.greenlight.gate.http.TestGate.dropColumnFinding;
import static dev.greenlight.gate.http.TestGate.lintReport;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.greenlight.gate.GateServer;
import dev.greenlight.gate.http.GateClient.Answer;
import dev.greenlight.testkit.RealPostgres;
import dev.greenlight.testkit.TestDatabase;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The CodeDeploy hook: 202 at once, then PutLifecycleEventHookExecutionStatus to the configured
 * endpoint. There is no AWS here, so the endpoint is a local HTTP peer that records each call.
 */
@RealPostgres
class CodeDeployHookTest {
  record Call(Map<String, String> headers, JsonNode body) {}

  @Test
  void reportsSucceededForAllowAndFailedForDeny(TestDatabase db) throws Exception {
    LinkedBlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    HttpServer peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    peer.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          Map<String, String> headers = new java.util.HashMap<>();
          exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
          calls.add(
              new Call(headers, Json.MAPPER.readTree(new String(body, StandardCharsets.UTF_8))));
          byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    peer.start();
    String yaml =
        """
        codedeploy:
          endpoint: "http://127.0.0.1:%d/"
          region: eu-west-1
          max-wait: 2s
          poll-interval: 100ms
        """
            .formatted(peer.getAddress().getPort());
    try (GateServer gate = TestGate.start(db, TestGate.config(yaml))) {
      GateClient c = new GateClient(gate.port());
      c.put("/v1/apps/shop/releases/5.0/lint-report", CI, lintReport());
      c.post(
          "/v1/apps/shop/envs/prod/agents",
          AGENT,
          agentReport("shop", "prod", "green", "5.0", "g1", "WARM", "NONE", 0));
      Answer accepted =
          c.post(
              "/v1/apps/shop/envs/prod/codedeploy-hook",
              DEPLOYER,
              "{\"DeploymentId\": \"d-ABCDEF123\", \"LifecycleEventHookExecutionId\": \"hook-1\"}");
      assertThat(accepted.status()).isEqualTo(202);
      Call ok = calls.poll(10, TimeUnit.SECONDS);
      assertThat(ok).isNotNull();
      assertThat(ok.headers().get("x-amz-target"))
          .isEqualTo("CodeDeploy_20141006.PutLifecycleEventHookExecutionStatus");
      assertThat(ok.headers().get("content-type")).isEqualTo("application/x-amz-json-1.1");
      assertThat(ok.body().path("deploymentId").asText()).isEqualTo("d-ABCDEF123");
      assertThat(ok.body().path("lifecycleEventHookExecutionId").asText()).isEqualTo("hook-1");
      assertThat(ok.body().path("status").asText()).isEqualTo("Succeeded");

      c.put("/v1/apps/shop/releases/5.1/lint-report", CI, lintReport(dropColumnFinding(false)));
      c.post(
          "/v1/apps/shop/envs/prod/codedeploy-hook",
          DEPLOYER,
          "{\"deploymentId\": \"d-XYZ\", \"lifecycleEventHookExecutionId\": \"hook-2\", \"release\": \"5.1\"}");
      Call denied = calls.poll(10, TimeUnit.SECONDS);
      assertThat(denied.body().path("status").asText()).isEqualTo("Failed");

      // still pending when max-wait runs out: Failed
      c.post(
          "/v1/apps/shop/envs/prod/codedeploy-hook",
          DEPLOYER,
          "{\"deploymentId\": \"d-PEND\", \"lifecycleEventHookExecutionId\": \"hook-3\", \"release\": \"9.9\"}");
      Call pending = calls.poll(15, TimeUnit.SECONDS);
      assertThat(pending.body().path("lifecycleEventHookExecutionId").asText()).isEqualTo("hook-3");
      assertThat(pending.body().path("status").asText()).isEqualTo("Failed");

      JsonNode audit = waitForAudit(c, 3);
      assertThat(audit.toString()).contains("Succeeded").contains("Failed");

      // the documented Lambda, run as AWS would run it, reaches the gate and so CodeDeploy
      Path python = Path.of("/usr/bin/python3");
      Path lambda =
          Path.of(System.getProperty("greenlight.gate.openapi", "../docs/gate-openapi.yaml"))
              .resolveSibling("codedeploy-lambda.py");
      if (Files.isExecutable(python) && Files.exists(lambda)) {
        ProcessBuilder pb =
            new ProcessBuilder(
                    python.toString(),
                    "-c",
                    "import importlib.util as u, json\n"
                        + "s = u.spec_from_file_location('hook', '"
                        + lambda
                        + "')\n"
                        + "m = u.module_from_spec(s); s.loader.exec_module(m)\n"
                        + "print(json.dumps(m.handler({'DeploymentId': 'd-LAMBDA1',"
                        + " 'LifecycleEventHookExecutionId': 'hook-lambda'}, None)))")
                .redirectErrorStream(true);
        pb.environment().put("GATE_URL", "http://127.0.0.1:" + gate.port());
        pb.environment().put("GATE_APP", "shop");
        pb.environment().put("GATE_ENV", "prod");
        pb.environment().put("GATE_TOKEN", DEPLOYER);
        pb.environment().put("GATE_RELEASE", "5.0");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("\"statusCode\": 202");
        Call viaLambda = calls.poll(10, TimeUnit.SECONDS);
        assertThat(viaLambda.body().path("lifecycleEventHookExecutionId").asText())
            .isEqualTo("hook-lambda");
        assertThat(viaLambda.body().path("status").asText()).isEqualTo("Succeeded");
      }
    } finally {
      peer.stop(0);
    }
  }

  private static JsonNode waitForAudit(GateClient c, int n) throws InterruptedException {
    for (int i = 0; i < 50; i++) {
      JsonNode events = c.get("/v1/audit?kind=codedeploy", VIEWER).json().path("events");
      if (events.size() >= n) {
        return events;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("codedeploy outcomes were not audited");
  }
}
