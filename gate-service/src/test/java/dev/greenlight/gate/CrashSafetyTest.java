package dev.greenlight.gate;

import static dev.greenlight.gate.http.TestGate.AGENT;
import static dev.greenlight.gate.http.TestGate.CI;
import static dev.greenlight.gate.http.TestGate.VIEWER;
import static dev.greenlight.gate.http.TestGate.agentReport;
import static dev.greenlight.gate.http.TestGate.lintReport;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.gate.http.GateClient;
import dev.greenlight.gate.http.TestGate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * kill -9 the gate (embedded PostgreSQL, data in a folder) during a stream of writes, restart it on
 * the same folder: every acknowledged write is there, the audit chain verifies, and the postmaster
 * the killed gate left behind is dealt with.
 */
class CrashSafetyTest {

  @Test
  void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
    Path dir = Files.createTempDirectory("gate-crash");
    Path config = dir.resolve("gate.yaml");
    Files.writeString(config, TestGate.TOKENS, StandardCharsets.UTF_8);
    Path data = dir.resolve("data");
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    ForkedGate first =
        ForkedGate.start(
            dir.resolve("first.log"),
            "--port",
            "0",
            "--data-dir",
            data.toString(),
            "--config",
            config.toString());
    ForkedGate second = null;
    try {
      GateClient c = new GateClient(first.port());
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger sequence = new AtomicInteger();
      Thread[] writers = new Thread[3];
      for (int w = 0; w < writers.length; w++) {
        int writer = w;
        writers[w] =
            new Thread(
                () -> {
                  while (!stop.get()) {
                    int n = sequence.incrementAndGet();
                    try {
                      GateClient.Answer a =
                          writer == 0
                              ? c.put(
                                  "/v1/apps/crash/releases/r" + n + "/lint-report",
                                  CI,
                                  lintReport())
                              : c.post(
                                  "/v1/apps/crash/envs/prod/agents",
                                  AGENT,
                                  agentReport(
                                      "crash", "prod", "green", "1.0", "i" + n, "WARM", "NONE", 0));
                      if (a.status() == 200) {
                        acknowledged.add((writer == 0 ? "lint:r" : "agent:i") + n);
                      }
                    } catch (AssertionError connectionLost) {
                      return;
                    }
                  }
                });
        writers[w].start();
      }
      while (acknowledged.size() < 150) {
        Thread.sleep(20);
      }
      long postmaster = postmasterPid(data).orElseThrow();
      first.kill();
      stop.set(true);
      for (Thread t : writers) {
        t.join(30_000);
      }
      assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive))
          .as("SIGKILL leaves the embedded postmaster running")
          .contains(true);

      second =
          ForkedGate.start(
              dir.resolve("second.log"),
              "--port",
              "0",
              "--data-dir",
              data.toString(),
              "--config",
              config.toString());
      assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false))
          .as("the restarted gate stopped the leftover postmaster")
          .isFalse();
      GateClient after = new GateClient(second.port());
      Set<String> stored = new HashSet<>();
      long cursor = 0;
      while (true) {
        JsonNode page = after.get("/v1/audit?app=crash&limit=1000&after=" + cursor, VIEWER).json();
        for (JsonNode e : page.path("events")) {
          String kind = e.path("kind").asText();
          if (kind.equals("lint-report")) {
            stored.add("lint:" + e.path("release").asText());
          } else if (kind.equals("agent-report")) {
            stored.add("agent:" + e.path("subject").asText());
          }
        }
        if (page.path("next").isNull()) {
          break;
        }
        cursor = page.path("next").asLong();
      }
      assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(150);
      assertThat(stored).containsAll(acknowledged);
      JsonNode verify = after.get("/v1/audit/verify", VIEWER).json();
      assertThat(verify.path("valid").asBoolean()).as(verify.toString()).isTrue();
      assertThat(verify.path("events").asLong()).isGreaterThanOrEqualTo(acknowledged.size());
      assertThat(after.get("/v1/apps/crash/envs/prod/decision?release=1.0", VIEWER).status())
          .isEqualTo(200);
    } finally {
      if (second != null) {
        second.close();
      }
      first.close();
      stopLeftover(data);
    }
  }

  private static Optional<Long> postmasterPid(Path data) throws java.io.IOException {
    Path pid = data.resolve("postmaster.pid");
    if (!Files.exists(pid)) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(Files.readAllLines(pid).get(0).trim()));
  }

  /** Never leave a postmaster behind, whatever failed. */
  private static void stopLeftover(Path data) throws Exception {
    Optional<Long> pid = postmasterPid(data);
    if (pid.isPresent() && ProcessHandle.of(pid.get()).map(ProcessHandle::isAlive).orElse(false)) {
      new ProcessBuilder("kill", "-INT", pid.get().toString()).start().waitFor();
    }
  }
}
