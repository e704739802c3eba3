package dev.greenlight.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A real Tomcat app whose latency falls from 40 ms until a known moment and stays at 4 ms: the
 * agent must not say WARM before that moment, and must say WARM once the new level has lasted.
 */
class WarmupConvergenceIT {
  static final double CONVERGE_AT_SECONDS = 14;
  static final int STABLE_SECONDS = 8;

  @Test
  void neverWarmBeforeLatencyConvergesAndWarmAfterwards() throws Exception {
    try (ForkedApp app =
        new ForkedApp.Spec("dev.greenlight.agent.testapps.TomcatApp")
            .classpath(ForkedApp.tomcat11Classpath())
            .agentArgs(
                "warmup-stable-seconds="
                    + STABLE_SECONDS
                    + ",warmup-min-uptime=5,warmup-min-requests=50"
                    // Two shared CI cores: JIT and class loading settle slowly; latency decides.
                    + ",warmup-max-jit-ms-per-sec=2000,warmup-max-classes-per-sec=2000")
            .jvm("-Dapp.convergeAt=" + CONVERGE_AT_SECONDS)
            .start()) {
      long testStart = System.nanoTime();
      AtomicBoolean running = new AtomicBoolean(true);
      Thread load =
          new Thread(
              () -> {
                while (running.get()) {
                  try {
                    app.get("/warm");
                  } catch (Exception e) {
                    return;
                  }
                }
              });
      load.start();
      List<String> seen = new ArrayList<>();
      String verdict = "";
      double warmAt = -1;
      try {
        while ((System.nanoTime() - testStart) / 1e9 < CONVERGE_AT_SECONDS + 45) {
          // The app's own clock: its latency converges CONVERGE_AT_SECONDS after its start.
          double elapsed = Double.parseDouble(app.get("/uptime"));
          JsonNode r;
          try {
            r = app.report();
          } catch (IOException notYetListening) {
            // the endpoint starts a second after the first request the agent measured
            seen.add(String.format("%.1f (endpoint not started)", elapsed));
            Thread.sleep(500);
            continue;
          }
          verdict = r.at("/warmup/verdict").asText();
          seen.add(String.format("%.1f %s %s", elapsed, verdict, r.at("/warmup/reasons")));
          if (verdict.equals("WARM")) {
            warmAt = elapsed;
            break;
          }
          Thread.sleep(500);
        }
      } finally {
        running.set(false);
        load.join();
      }
      assertThat(verdict).as("verdicts seen: %s", seen).isEqualTo("WARM");
      assertThat(warmAt).as("verdicts seen: %s", seen).isGreaterThanOrEqualTo(CONVERGE_AT_SECONDS);
      assertThat(seen).anyMatch(s -> s.contains("WARMING") || s.contains("INSUFFICIENT_DATA"));
    }
  }
}
