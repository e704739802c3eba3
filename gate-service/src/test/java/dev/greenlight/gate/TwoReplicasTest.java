package dev.greenlight.gate;

import static dev.greenlight.gate.http.TestGate.AGENT;
import static dev.greenlight.gate.http.TestGate.CI;
import static dev.greenlight.gate.http.TestGate.DEPLOYER;
import static dev.greenlight.gate.http.TestGate.VIEWER;
import static dev.greenlight.gate.http.TestGate.agentReport;
import static dev.greenlight.gate.http.TestGate.lintReport;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.gate.http.GateClient;
import dev.greenlight.gate.http.TestGate;
import dev.greenlight.testkit.RealPostgres;
import dev.greenlight.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two gate processes on one database: one audit chain, and of concurrent switches one wins. */
@RealPostgres
class TwoReplicasTest {

  @Test
  void concurrentSwitchesForOneAppEnvHaveExactlyOneWinner(TestDatabase db) throws Exception {
    Path dir = Files.createTempDirectory("gate-replicas");
    Path config = dir.resolve("gate.yaml");
    Files.writeString(config, TestGate.TOKENS);
    String url = TestGate.jdbcUrl(db);
    try (ForkedGate a =
            ForkedGate.start(
                dir.resolve("a.log"),
                "--port",
                "0",
                "--jdbc-url",
                url,
                "--config",
                config.toString());
        ForkedGate b =
            ForkedGate.start(
                dir.resolve("b.log"),
                "--port",
                "0",
                "--jdbc-url",
                url,
                "--config",
                config.toString())) {
      GateClient ca = new GateClient(a.port());
      GateClient cb = new GateClient(b.port());
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        // evidence written through both replicas at once lands in one valid chain
        List<Future<Integer>> writes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          int n = i;
          GateClient c = n % 2 == 0 ? ca : cb;
          writes.add(
              pool.submit(
                  () ->
                      c.post(
                              "/v1/apps/app" + (n % 5) + "/envs/prod/agents",
                              AGENT,
                              agentReport(
                                  "app" + (n % 5),
                                  "prod",
                                  "green",
                                  "1.0",
                                  "g" + n,
                                  "WARM",
                                  "NONE",
                                  0))
                          .status()));
        }
        for (Future<Integer> f : writes) {
          assertThat(f.get()).isEqualTo(200);
        }
        for (int app = 0; app < 5; app++) {
          assertThat(
                  ca.put("/v1/apps/app" + app + "/releases/1.0/lint-report", CI, lintReport())
                      .status())
              .isEqualTo(200);
        }
        for (int app = 0; app < 5; app++) {
          String path = "/v1/apps/app" + app + "/envs/prod";
          String idA = waitForAllow(ca, path);
          String idB = waitForAllow(cb, path);
          assertThat(idB).isEqualTo(idA);
          String body = "{\"decisionId\": \"" + idA + "\", \"to\": \"green\"}";
          CyclicBarrier start = new CyclicBarrier(2);
          Future<Integer> viaA =
              pool.submit(
                  () -> {
                    start.await();
                    return ca.post(path + "/switches", DEPLOYER, body).status();
                  });
          Future<Integer> viaB =
              pool.submit(
                  () -> {
                    start.await();
                    return cb.post(path + "/switches", DEPLOYER, body).status();
                  });
          List<Integer> statuses = List.of(viaA.get(), viaB.get());
          assertThat(statuses).as("app" + app).containsExactlyInAnyOrder(200, 409);
          assertThat(cb.get(path + "/status", VIEWER).json().path("revision").asLong())
              .isEqualTo(1);
          assertThat(
                  ca.get("/v1/audit?app=app" + app + "&kind=switch", VIEWER).json().path("events"))
              .hasSize(1);
        }
      } finally {
        pool.shutdownNow();
      }
      JsonNode verify = cb.get("/v1/audit/verify", VIEWER).json();
      assertThat(verify.path("valid").asBoolean()).as(verify.toString()).isTrue();
      assertThat(verify.path("events").asLong()).isGreaterThanOrEqualTo(40 + 5 + 5);
    }
  }

  /** Replica b learns of a's writes by polling the evidence version, so allow a moment. */
  private static String waitForAllow(GateClient c, String path) throws InterruptedException {
    JsonNode d = null;
    for (int i = 0; i < 50; i++) {
      d = c.get(path + "/decision?release=1.0", VIEWER).json();
      if (d.path("verdict").asText().equals("allow")) {
        return d.path("decisionId").asText();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no allow at " + path + ": " + d);
  }
}
