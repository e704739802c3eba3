package dev.greenlight.samples.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.testkit.PostgresServer;
import dev.greenlight.testkit.RealPostgres;
import dev.greenlight.testkit.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code samples/deploy/deploy-blue-green.sh}: usage, and a real first deploy plus a switch. */
@RealPostgres
class DeployScriptTest {
  static final Path SCRIPT =
      ShopProcess.repository().resolve("samples/deploy/deploy-blue-green.sh");
  static final ObjectMapper JSON = new ObjectMapper();

  record Result(int exit, String output) {}

  static Result script(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the script did not finish:\n" + out);
    }
    return new Result(p.exitValue(), out);
  }

  @Test
  void helpAndUsageErrors(@TempDir Path dir) throws Exception {
    Result help = script(dir, "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.output())
        .contains("Usage: deploy-blue-green.sh --release R --gate URL --jdbc-url URL");

    Result missing =
        script(dir, "--gate", "http://127.0.0.1:1", "--jdbc-url", "jdbc:postgresql://x/y");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.output()).contains("--release is required (see --help)");

    Result router =
        script(
            dir,
            "--release",
            "2",
            "--gate",
            "http://g",
            "--jdbc-url",
            "jdbc:postgresql://x/y",
            "--router",
            "nginx");
    assertThat(router.exit()).isEqualTo(2);
    assertThat(router.output()).contains("--router must be haproxy or gate, got 'nginx'");

    Result number =
        script(
            dir,
            "--release",
            "2",
            "--gate",
            "http://g",
            "--jdbc-url",
            "jdbc:postgresql://x/y",
            "--watch",
            "soon");
    assertThat(number.exit()).isEqualTo(2);
    assertThat(number.output()).contains("--watch must be a number, got 'soon'");

    Result url =
        script(dir, "--release", "2", "--gate", "http://g", "--jdbc-url", "postgres://x/y");
    assertThat(url.exit()).isEqualTo(2);
    assertThat(url.output()).contains("--jdbc-url must start with jdbc:postgresql:");
  }

  @Test
  void firstDeployThenASwitchThroughTheGateAndHaproxy(TestDatabase shopDb, @TempDir Path dir)
      throws Exception {
    assumeTrue(BlueGreenThroughHaproxyTest.onPath("haproxy"), "haproxy is not on the PATH");
    assumeTrue(BlueGreenThroughHaproxyTest.onPath("socat"), "socat is not on the PATH");
    String shopUrl = BlueGreenThroughHaproxyTest.withUser(shopDb);
    BlueGreenThroughHaproxyTest.run(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar",
        ShopProcess.required("samples/shop/target/greenlight-sample-shop.jar", "build samples/shop")
            .toString(),
        "migrate",
        "--path",
        "expand",
        "--jdbc-url",
        shopUrl);
    String yaml =
        """
        tokens:
          - {name: ci, role: ci, token: "%s"}
          - {name: agent, role: agent, token: "%s"}
          - {name: deployer, role: deployer, token: "%s"}
        defaults:
          require-evidence: [lint]
          min-instances: 1
          accepted-warmup: [WARM, WARMING, NO_STEADY_STATE, DEGRADED, INSUFFICIENT_DATA]
          insurance-window: 3s
        """
            .formatted(
                BlueGreenThroughHaproxyTest.CI,
                BlueGreenThroughHaproxyTest.AGENT,
                BlueGreenThroughHaproxyTest.DEPLOYER);
    TestDatabase gateDb = PostgresServer.get().createDatabase("deploy_gate");
    int bluePort = ShopProcess.freePort();
    int greenPort = ShopProcess.freePort();
    Path socket = dir.resolve("h.sock");
    try (GateProcess gate =
            GateProcess.start(
                BlueGreenThroughHaproxyTest.withUser(gateDb),
                Files.writeString(dir.resolve("gate.yaml"), yaml));
        HaproxyProcess haproxy = HaproxyProcess.start(socket, bluePort, greenPort)) {
      HttpClient http = HttpClient.newHttpClient();
      for (String release : List.of("1", "2")) {
        HttpResponse<String> put =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            gate.url() + "/v1/apps/shop/releases/" + release + "/lint-report"))
                    .header("Authorization", "Bearer " + BlueGreenThroughHaproxyTest.CI)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(GateReplayTest.lintReport(false)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
      }
      List<String> common =
          List.of(
              "--gate",
              gate.url(),
              "--jdbc-url",
              shopUrl,
              "--env",
              "deploy",
              "--token",
              BlueGreenThroughHaproxyTest.DEPLOYER,
              "--agent-token",
              BlueGreenThroughHaproxyTest.AGENT,
              "--haproxy-socket",
              socket.toString(),
              "--blue-port",
              String.valueOf(bluePort),
              "--green-port",
              String.valueOf(greenPort),
              "--agent-port-blue",
              String.valueOf(ShopProcess.freePort()),
              "--agent-port-green",
              String.valueOf(ShopProcess.freePort()),
              "--state-dir",
              dir.resolve("state").toString(),
              // The agent reads greenlight.<key> system properties: report every second.
              "--java-opts",
              "-Dgreenlight.push-interval=1 -Xmx256m");
      try {
        Result first = script(dir, concat(List.of("--first", "--release", "1"), common));
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.output()).contains("release 1 serves shop/deploy from blue");
        assertThat(slotThrough(http, haproxy)).isEqualTo("blue");

        Result second =
            script(
                dir,
                concat(
                    List.of(
                        "--release",
                        "2",
                        "--watch",
                        "3",
                        "--insurance",
                        "3",
                        "--check-timeout",
                        "120"),
                    common));
        assertThat(second.exit()).as(second.output()).isZero();
        assertThat(second.output())
            .contains("gate: live slot is blue")
            .contains("gate: ALLOW")
            .contains("gate recorded the switch")
            .contains("haproxy: set server shop/green1 state ready")
            .contains("haproxy: set server shop/blue1 state maint")
            .containsPattern("error rate on green: 0 of \\d+ requests failed")
            .contains("stopped blue")
            .contains("release 2 is live in green");
        assertThat(slotThrough(http, haproxy)).isEqualTo("green");
        JsonNode status =
            JSON.readTree(
                http.send(
                        HttpRequest.newBuilder(
                                URI.create(gate.url() + "/v1/apps/shop/envs/deploy/status"))
                            .header(
                                "Authorization", "Bearer " + BlueGreenThroughHaproxyTest.DEPLOYER)
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body());
        assertThat(status.path("live").asText()).isEqualTo("green");
      } finally {
        for (String slot : List.of("blue", "green")) {
          Path pid = dir.resolve("state").resolve(slot + ".pid");
          if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()))
                .ifPresent(ProcessHandle::destroy);
          }
        }
      }
    } finally {
      PostgresServer.get().dropDatabase(gateDb);
    }
  }

  private static String slotThrough(HttpClient http, HaproxyProcess haproxy) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + haproxy.frontendPort + "/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return r.headers().firstValue("X-Slot").orElse(null);
  }

  private static String[] concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all.toArray(String[]::new);
  }
}
