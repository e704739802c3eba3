package dev.greenlight.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The host never suffers: bad configuration, a broken gate, and many sessions. */
class FaultsIT {
  @Test
  void invalidConfigurationPrintsOneLineSwitchesTheAgentOffAndTheAppStarts() throws Exception {
    ForkedApp.Spec spec =
        new ForkedApp.Spec("dev.greenlight.agent.testapps.TomcatApp")
            .classpath(ForkedApp.tomcat11Classpath())
            .agentArgs("gate=not-a-url");
    try (ForkedApp app = spec.start()) {
      assertThat(app.get("/login?user=x")).startsWith("logged in");
      assertThat(app.agentLines())
          .containsExactly(
              "[greenlight-agent] invalid configuration: agent argument 'gate' = 'not-a-url' is"
                  + " not an http(s) URL (e.g. http://gate:8470). The agent is off; the"
                  + " application starts normally.");
      assertThatThrownBy(() -> app.agent("/greenlight/report")).isInstanceOf(IOException.class);
    }
  }

  @Test
  void aGarbageSlowOrMissingGateNeverSlowsTheAppAndIsLoggedOncePerStateChange() throws Exception {
    GatePeer gate = new GatePeer(GatePeer.Behaviour.GARBAGE);
    try (ForkedApp app =
        new ForkedApp.Spec("dev.greenlight.agent.testapps.TomcatApp")
            .classpath(ForkedApp.tomcat11Classpath())
            .agentArgs(
                "app=shop,env=prod,release=1,push-interval=1,push-max-backoff=3,gate=" + gate.url())
            .start()) {
      awaitTrue(() -> lines(app).size() == 1, Duration.ofSeconds(20));
      assertThat(lines(app).get(0))
          .startsWith("[greenlight-agent] cannot report to the gate: POST ")
          .contains("answered HTTP 502");

      gate.behaviour = GatePeer.Behaviour.SLOW;
      int before = gate.received.size();
      List<Long> latencies = new ArrayList<>();
      long until = System.nanoTime() + Duration.ofSeconds(12).toNanos();
      while (System.nanoTime() < until) {
        long t0 = System.nanoTime();
        assertThat(app.get("/hello")).isEqualTo("hello");
        latencies.add((System.nanoTime() - t0) / 1_000_000);
        Thread.sleep(50);
      }
      Collections.sort(latencies);
      long p90 = latencies.get(latencies.size() * 9 / 10);
      assertThat(p90).as("app p90 ms while the gate takes 10 s to answer").isLessThan(500);
      assertThat(app.report().get("app").asText()).isEqualTo("shop");
      // Timeouts and backoff: a handful of attempts in 12 s, not one per request.
      assertThat(gate.received.size() - before).isBetween(1, 6);
      assertThat(lines(app)).hasSize(1);

      gate.behaviour = GatePeer.Behaviour.OK;
      awaitTrue(() -> lines(app).size() == 2, Duration.ofSeconds(30));
      assertThat(lines(app).get(1))
          .isEqualTo("[greenlight-agent] reporting to the gate " + gate.url());

      gate.close();
      awaitTrue(() -> lines(app).size() == 3, Duration.ofSeconds(30));
      assertThat(lines(app).get(2)).contains("failed: java.net.ConnectException");
      assertThat(app.get("/hello")).isEqualTo("hello");
    } finally {
      gate.close();
    }
  }

  @Test
  void fiftyThousandSessionsAreCountedWithBoundedWork() throws Exception {
    try (ForkedApp app =
        new ForkedApp.Spec("dev.greenlight.agent.testapps.TomcatApp")
            .classpath(ForkedApp.tomcat11Classpath())
            .agentArgs("session-scan-interval=1")
            .start()) {
      assertThat(app.get("/bulk?n=50000")).isEqualTo("created 50000");
      JsonNode r =
          app.awaitReport(j -> j.at("/sessions/active").asLong() == 50_000, Duration.ofSeconds(60));
      assertThat(r.at("/sessions/storage").asText()).isEqualTo("IN_MEMORY");
      assertThat(r.at("/sessions/attributes").asLong()).isEqualTo(100_000);
      assertThat(r.at("/sessions/sampledSessions").asInt()).isEqualTo(32);
      assertThat(r.at("/sessions/nonSerializableAttributes").asLong()).isZero();
      // Two small attributes: a few hundred bytes serialized each, extrapolated to all sessions.
      assertThat(r.at("/sessions/estimatedBytes").asLong()).isBetween(50_000L * 50, 50_000L * 600);
      long t0 = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        assertThat(app.get("/hello")).isEqualTo("hello");
      }
      assertThat((System.nanoTime() - t0) / 1_000_000 / 20)
          .as("mean ms per request")
          .isLessThan(200);
      assertThat(app.agentLines()).isEmpty();
    }
  }

  private static List<String> lines(ForkedApp app) {
    try {
      return app.agentLines();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static void awaitTrue(BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout);
      }
      Thread.sleep(200);
    }
  }
}
