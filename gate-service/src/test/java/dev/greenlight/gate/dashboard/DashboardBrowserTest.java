package dev.greenlight.gate.dashboard;

import static dev.greenlight.gate.http.TestGate.AGENT;
import static dev.greenlight.gate.http.TestGate.CI;
import static dev.greenlight.gate.http.TestGate.agentReport;
import static dev.greenlight.gate.http.TestGate.lintReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.greenlight.gate.GateServer;
import dev.greenlight.gate.http.GateClient;
import dev.greenlight.gate.http.TestGate;
import dev.greenlight.testkit.RealPostgres;
import dev.greenlight.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The dashboard as a real browser renders it: Debian's chromium, headless, --dump-dom. */
@RealPostgres
class DashboardBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @Test
  void showsLiveSlotCandidateDecisionInstancesAndAudit(TestDatabase db) throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM), "chromium is not installed (apt-get install chromium)");
    try (GateServer gate = TestGate.start(db, TestGate.config("anonymous-read: true\n"))) {
      GateClient c = new GateClient(gate.port());
      c.put("/v1/apps/shop/releases/1.4.2/lint-report", CI, lintReport());
      c.post(
          "/v1/apps/shop/envs/prod/agents",
          AGENT,
          agentReport("shop", "prod", "green", "1.4.2", "shop-green-1", "WARMING", "SHARED", 0));
      c.post(
          "/v1/apps/shop/envs/prod/agents",
          AGENT,
          agentReport("shop", "prod", "blue", "1.4.1", "shop-blue-1", "WARM", "IN_MEMORY", 37));

      String dom = dumpDom("http://127.0.0.1:" + gate.port() + "/");
      assertThat(dom).contains("<h2>shop / prod</h2>");
      assertThat(dom).containsPattern("class=\"live-slot\">blue<");
      assertThat(dom).containsPattern("class=\"candidate-release\">1.4.2<");
      assertThat(dom).containsPattern("class=\"verdict deny\">DENY<");
      assertThat(dom).contains("SESSIONS_AT_RISK").contains("NOT_WARM");
      assertThat(dom).contains("shop-green-1").contains("WARMING").contains("IN_MEMORY, 37 active");
      assertThat(dom)
          .contains("Recent audit events")
          .contains("agent-report")
          .contains("lint-report");
    }
  }

  private static String dumpDom(String url) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("gate-chromium");
    Path out = profile.resolve("dom.html");
    Process p =
        new ProcessBuilder(
                List.of(
                    CHROMIUM.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--user-data-dir=" + profile,
                    "--dump-dom",
                    url))
            .redirectOutput(out.toFile())
            .redirectError(profile.resolve("stderr.txt").toFile())
            .start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 90s");
    }
    String dom = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(dom)
        .as("chromium stderr: " + Files.readString(profile.resolve("stderr.txt")))
        .isNotBlank();
    return dom;
  }
}
