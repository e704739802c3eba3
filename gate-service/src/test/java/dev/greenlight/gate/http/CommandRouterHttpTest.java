package dev.greenlight.gate.http;

import static dev.greenlight.gate.http.TestGate.AGENT;
import static dev.greenlight.gate.http.TestGate.CI;
import static dev.greenlight.gate.http.TestGate.DEPLOYER;
import static dev.greenlight.gate.http.TestGate.VIEWER;
import static dev.greenlight.gate.http.TestGate.agentReport;
import static dev.greenlight.gate.http.TestGate.lintReport;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.gate.GateServer;
import dev.greenlight.gate.http.GateClient.Answer;
import dev.greenlight.testkit.RealPostgres;
import dev.greenlight.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** Switches through the command driver: a real script is run with the slot, its outcome audited. */
@RealPostgres
class CommandRouterHttpTest {

  @Test
  void theScriptFlipsAndAFailingScriptLeavesTheLiveSlot(TestDatabase db) throws IOException {
    Path dir = Files.createTempDirectory("gate-router");
    Path log = dir.resolve("flips.log");
    Path flip = script(dir.resolve("flip.sh"), "echo \"$1\" >> " + log + "\necho flipped to $1\n");
    Path broken = script(dir.resolve("broken.sh"), "echo 'backend unreachable' >&2\nexit 3\n");
    String yaml =
        """
        apps:
          shop:
            envs:
              prod:
                router: {type: command, command: ["%s"]}
              stage:
                router: {type: command, command: ["%s"]}
        """
            .formatted(flip, broken);
    try (GateServer gate = TestGate.start(db, TestGate.config(yaml))) {
      GateClient c = new GateClient(gate.port());
      c.put("/v1/apps/shop/releases/2.0/lint-report", CI, lintReport());
      for (String env : new String[] {"prod", "stage"}) {
        c.post(
            "/v1/apps/shop/envs/" + env + "/agents",
            AGENT,
            agentReport("shop", env, "green", "2.0", "shop-" + env + "-g1", "WARM", "NONE", 0));
      }

      String id =
          c.get("/v1/apps/shop/envs/prod/decision", VIEWER).json().path("decisionId").asText();
      Answer ok =
          c.post(
              "/v1/apps/shop/envs/prod/switches",
              DEPLOYER,
              "{\"decisionId\": \"" + id + "\", \"to\": \"green\"}");
      assertThat(ok.status()).as(ok.body()).isEqualTo(200);
      assertThat(ok.json().path("router").path("ok").asBoolean()).isTrue();
      assertThat(ok.json().path("router").path("message").asText())
          .contains("exited 0")
          .contains("flipped to green");
      assertThat(Files.readString(log)).isEqualTo("green\n");
      assertThat(
              c.post("/v1/apps/shop/envs/prod/switch-back", DEPLOYER, "{\"reason\": \"drill\"}")
                  .status())
          .isEqualTo(200);
      assertThat(Files.readString(log)).isEqualTo("green\nblue\n");

      String stageId =
          c.get("/v1/apps/shop/envs/stage/decision", VIEWER).json().path("decisionId").asText();
      Answer failed =
          c.post(
              "/v1/apps/shop/envs/stage/switches",
              DEPLOYER,
              "{\"decisionId\": \"" + stageId + "\", \"to\": \"green\"}");
      assertThat(failed.status()).isEqualTo(502);
      assertThat(failed.json().path("field").asText()).isEqualTo("router");
      assertThat(failed.json().path("error").asText())
          .contains("exited 3")
          .contains("backend unreachable");
      assertThat(c.get("/v1/apps/shop/envs/stage/status", VIEWER).json().path("live").asText())
          .isEqualTo("blue");
      JsonNode router =
          c.get("/v1/audit?app=shop&env=stage&kind=router", VIEWER).json().path("events");
      assertThat(router).hasSize(1);
      assertThat(router.get(0).path("detail").asText()).contains("\"ok\":false");
      assertThat(
              c.get("/v1/audit?app=shop&env=stage&kind=switch-revert", VIEWER)
                  .json()
                  .path("events"))
          .hasSize(1);
      assertThat(c.get("/v1/audit/verify", VIEWER).json().path("valid").asBoolean()).isTrue();
    }
  }

  private static Path script(Path path, String body) throws IOException {
    Files.writeString(path, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
    return path;
  }
}
