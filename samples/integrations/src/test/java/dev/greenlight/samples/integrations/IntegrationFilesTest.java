package dev.greenlight.samples.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every integration file parses, and makes exactly the requests the gate's contract expects. */
class IntegrationFilesTest {
  static final String GATE = "http://gate.example:8470";
  static final String IN_CLUSTER = "http://greenlight-gate.greenlight.svc.cluster.local:8470";

  static final Map<String, String> CONTEXT =
      Map.ofEntries(
          Map.entry("secret:greenlight-gate/deployer-token", "DEPLOYER"),
          Map.entry("viewer-token", "VIEWER"),
          Map.entry("GREENLIGHT_GATE", GATE),
          Map.entry("GREENLIGHT_APP", "shop"),
          Map.entry("GREENLIGHT_ENV", "prod"),
          Map.entry("GREENLIGHT_DEPLOY_TOKEN", "DEPLOYER"),
          Map.entry("GREENLIGHT_CI_TOKEN", "CI"),
          Map.entry("RELEASE", "2"),
          Map.entry("CI_COMMIT_SHA", "2"),
          Map.entry("vars.GREENLIGHT_GATE", GATE),
          Map.entry("secrets.GREENLIGHT_CI_TOKEN", "CI"),
          Map.entry("github.event.pull_request.head.sha", "2"));

  @Test
  void everyYamlAndJsonFileParses() throws Exception {
    List<Path> files = IntegrationFiles.configFiles();
    assertThat(files)
        .extracting(Path::toString)
        .containsExactlyInAnyOrder(
            "argo-rollouts/analysis-template.yaml",
            "argo-rollouts/rollout.yaml",
            "codedeploy/ec2/appspec.yml",
            "codedeploy/ecs/appspec.yaml",
            "flagger/canary.yaml",
            "github-actions/greenlight.yml",
            "gitlab-ci/.gitlab-ci.yml");
    for (Path file : files) {
      List<JsonNode> docs = IntegrationFiles.documents(file);
      assertThat(docs).as(file.toString()).isNotEmpty().allMatch(JsonNode::isObject);
    }
  }

  @Test
  void kubernetesResourcesNameTheirKinds() throws Exception {
    assertThat(IntegrationFiles.documents(Path.of("argo-rollouts/rollout.yaml")))
        .extracting(d -> d.path("kind").asText())
        .containsExactly("Rollout", "Service", "Service");
    JsonNode template =
        IntegrationFiles.documents(Path.of("argo-rollouts/analysis-template.yaml")).get(0);
    assertThat(template.path("kind").asText()).isEqualTo("AnalysisTemplate");
    JsonNode metric = template.path("spec").path("metrics").get(0);
    assertThat(metric.path("successCondition").asText()).isEqualTo("result.verdict == \"allow\"");
    assertThat(metric.path("failureCondition").asText()).isEqualTo("result.verdict == \"deny\"");
    assertThat(metric.path("consecutiveSuccessLimit").asInt()).isEqualTo(3);
    assertThat(metric.path("provider").path("web").path("jsonPath").asText()).isEqualTo("{$.argo}");
    JsonNode rollout = IntegrationFiles.documents(Path.of("argo-rollouts/rollout.yaml")).get(0);
    assertThat(
            rollout
                .path("spec")
                .path("strategy")
                .path("blueGreen")
                .path("prePromotionAnalysis")
                .path("templates")
                .get(0)
                .path("templateName")
                .asText())
        .isEqualTo(template.path("metadata").path("name").asText());
    JsonNode canary = IntegrationFiles.documents(Path.of("flagger/canary.yaml")).get(0);
    assertThat(canary.path("kind").asText()).isEqualTo("Canary");
    JsonNode ecs = IntegrationFiles.documents(Path.of("codedeploy/ecs/appspec.yaml")).get(0);
    assertThat(ecs.path("Hooks").get(0).path("BeforeAllowTraffic").asText())
        .endsWith(":function:greenlight-before-allow-traffic");
  }

  @Test
  void eachIntegrationMakesExactlyTheseRequests() throws Exception {
    List<GateCall> calls = new IntegrationFiles(CONTEXT).calls();
    assertThat(calls)
        .containsExactly(
            new GateCall(
                "argo-rollouts/analysis-template.yaml",
                IN_CLUSTER,
                "GET",
                "/v1/apps/shop/envs/prod/decision",
                Map.of("release", "2", "slot", "green"),
                Map.of("Authorization", "Bearer DEPLOYER", "Accept", "application/json"),
                null),
            new GateCall(
                "flagger/canary.yaml",
                IN_CLUSTER,
                "POST",
                "/v1/apps/shop/envs/prod/check",
                Map.of("slot", "green", "access_token", "VIEWER"),
                Map.of("Content-Type", "application/json"),
                "{\"name\":\"shop\",\"namespace\":\"shop\",\"phase\":\"Progressing\","
                    + "\"checksum\":\"5f7c9b8d6\",\"metadata\":{\"app\":\"shop\",\"environment\":\"prod\"}}"),
            new GateCall(
                "codedeploy/ec2/scripts/before-allow-traffic.sh",
                GATE,
                "GET",
                "/v1/apps/shop/envs/prod/check",
                Map.of("release", "2", "slot", "green"),
                Map.of("Authorization", "Bearer DEPLOYER"),
                null),
            new GateCall(
                "codedeploy/ecs/lambda_function.py",
                GATE,
                "POST",
                "/v1/apps/shop/envs/prod/codedeploy-hook",
                Map.of(),
                Map.of("Authorization", "Bearer DEPLOYER", "Content-Type", "application/json"),
                null),
            new GateCall(
                "github-actions/greenlight.yml",
                GATE,
                "PUT",
                "/v1/apps/shop/releases/2/lint-report",
                Map.of(),
                Map.of("Authorization", "Bearer CI", "Content-Type", "application/json"),
                "@greenlight.json"),
            new GateCall(
                "gitlab-ci/.gitlab-ci.yml",
                GATE,
                "PUT",
                "/v1/apps/shop/releases/2/lint-report",
                Map.of(),
                Map.of("Authorization", "Bearer CI", "Content-Type", "application/json"),
                "@greenlight.json"));
  }

  @Test
  void ciJobsLintSinceTheBaseBranchInEveryReportFormat() throws Exception {
    JsonNode workflow = IntegrationFiles.documents(Path.of("github-actions/greenlight.yml")).get(0);
    String steps = workflow.path("jobs").path("migrations").path("steps").toString();
    assertThat(steps)
        .contains(
            "bin/greenlight lint --since \\\"origin/${{ github.base_ref }}\\\" --format github")
        .contains("--format sarif --output greenlight.sarif")
        .contains("github/codeql-action/upload-sarif@v3")
        .contains("--format json --output greenlight.json");
    assertThat(workflow.path("permissions").path("security-events").asText()).isEqualTo("write");

    JsonNode gitlab = IntegrationFiles.documents(Path.of("gitlab-ci/.gitlab-ci.yml")).get(0);
    JsonNode lint = gitlab.path("greenlight-lint");
    assertThat(lint.path("script").toString())
        .contains("--since \\\"$SINCE\\\" --format gitlab --output greenlight-codequality.json");
    assertThat(lint.path("artifacts").path("reports").path("codequality").asText())
        .isEqualTo("greenlight-codequality.json");
    assertThat(lint.path("artifacts").path("reports").path("junit").asText())
        .isEqualTo("TEST-greenlight.xml");
  }
}
