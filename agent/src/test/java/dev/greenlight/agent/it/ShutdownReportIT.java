package dev.greenlight.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A JVM that shuts down tells the gate so in one last report, without delaying its exit. */
class ShutdownReportIT {
  @Test
  void aStoppingJvmSendsOneLastReportWithStoppingTrue() throws Exception {
    try (GatePeer gate = new GatePeer(GatePeer.Behaviour.OK)) {
      ForkedApp app =
          new ForkedApp.Spec("dev.greenlight.agent.testapps.TomcatApp")
              .classpath(ForkedApp.tomcat11Classpath())
              .agentArgs("app=shop,env=prod,release=7,push-interval=1,gate=" + gate.url())
              .start();
      long closedIn;
      try {
        assertThat(app.get("/hello")).isEqualTo("hello");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (gate.posts().size() < 2 && System.nanoTime() < deadline) {
          Thread.sleep(200);
        }
        assertThat(gate.posts()).as("regular reports before the stop").hasSizeGreaterThan(1);
      } finally {
        long t0 = System.nanoTime();
        app.close(); // SIGTERM: the JVM runs its shutdown hooks
        closedIn = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      }
      assertThat(app.alive()).isFalse();

      List<JsonNode> reports = new ArrayList<>();
      for (GatePeer.Received post : gate.posts()) {
        assertThat(post.path()).isEqualTo("/v1/apps/shop/envs/prod/agents");
        reports.add(json(post.body()));
      }
      List<Integer> stopping = new ArrayList<>();
      for (int i = 0; i < reports.size(); i++) {
        JsonNode flag = reports.get(i).get("stopping");
        assertThat(flag).as("report %d has a boolean stopping field", i).isNotNull();
        assertThat(flag.isBoolean()).isTrue();
        if (flag.asBoolean()) {
          stopping.add(i);
        }
      }
      assertThat(stopping).as("exactly one final report").hasSize(1);
      // A regular push already on the wire when the hook ran may still arrive after it.
      assertThat(stopping.get(0)).isGreaterThanOrEqualTo(reports.size() - 2);
      JsonNode last = reports.get(stopping.get(0));
      assertThat(last.get("release").asText()).isEqualTo("7");
      assertThat(last.at("/warmup/signals/requests").asLong()).isGreaterThanOrEqualTo(1);
      assertThat(closedIn).as("ms from SIGTERM to exit").isLessThan(8000);
    }
  }

  @Test
  void aGateThatDoesNotAnswerDelaysTheExitByAboutASecondAtMost() throws Exception {
    try (GatePeer gate = new GatePeer(GatePeer.Behaviour.OK)) {
      ForkedApp app =
          new ForkedApp.Spec("dev.greenlight.agent.testapps.TomcatApp")
              .classpath(ForkedApp.tomcat11Classpath())
              .agentArgs("app=shop,env=prod,release=7,push-interval=1,gate=" + gate.url())
              .start();
      long closedIn;
      try {
        assertThat(app.get("/hello")).isEqualTo("hello");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (gate.posts().isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(200);
        }
        assertThat(gate.posts()).isNotEmpty();
        gate.behaviour = GatePeer.Behaviour.SLOW; // answers after 10 s
      } finally {
        long t0 = System.nanoTime();
        app.close();
        closedIn = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      }
      assertThat(app.alive()).isFalse();
      // The final report was sent (the peer records a request when it arrives) ...
      assertThat(gate.posts().stream().anyMatch(p -> json(p.body()).get("stopping").asBoolean()))
          .isTrue();
      // ... and the hook gave up waiting for the answer after its 1 s budget: Tomcat's own
      // shutdown plus that second, far from the gate's 10 s.
      assertThat(closedIn).as("ms from SIGTERM to exit with a gate taking 10 s").isLessThan(5000);
    }
  }

  private static JsonNode json(String body) {
    try {
      return ForkedApp.JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
