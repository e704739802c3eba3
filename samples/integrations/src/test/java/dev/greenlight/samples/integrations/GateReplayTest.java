package dev.greenlight.samples.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.greenlight.testkit.PostgresServer;
import dev.greenlight.testkit.TestDatabase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays what each integration file sends against a real gate (real HTTP, real PostgreSQL): the
 * Argo and Flagger requests as extracted from their YAML, and the CodeDeploy script, the Lambda and
 * the CI steps by running them. Release 2 has clean evidence (allow); release 3 drops a column
 * (deny). The gate runs as a process from gate-service/target/greenlight-gate.jar.
 */
class GateReplayTest {
  static final String CI = "ci-token-replay-0001";
  static final String AGENT = "agent-token-replay-0002";
  static final String DEPLOYER = "deployer-token-replay-0003";
  static final String VIEWER = "viewer-token-replay-0004";
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final LinkedBlockingQueue<JsonNode> codeDeployCalls = new LinkedBlockingQueue<>();
  private HttpServer codeDeploy;
  private GateProcess gate;
  private TestDatabase extraDatabase;
  private String gateUrl;

  @BeforeEach
  void startGate(@TempDir Path configDir) throws Exception {
    // Stands in for AWS CodeDeploy's API (no AWS here): records
    // PutLifecycleEventHookExecutionStatus.
    codeDeploy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    codeDeploy.createContext(
        "/",
        exchange -> {
          codeDeployCalls.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
          byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    codeDeploy.start();
    String yaml =
        """
        tokens:
          - {name: ci, role: ci, token: "%s"}
          - {name: agent, role: agent, token: "%s"}
          - {name: deployer, role: deployer, token: "%s"}
          - {name: viewer, role: viewer, token: "%s"}
        defaults:
          require-evidence: [lint]
          min-instances: 1
        codedeploy:
          endpoint: "http://127.0.0.1:%d/"
          region: eu-west-1
          max-wait: 5s
          poll-interval: 100ms
        """
            .formatted(CI, AGENT, DEPLOYER, VIEWER, codeDeploy.getAddress().getPort());
    // Each test gets a fresh gate store: the same database cannot serve two tests' evidence.
    extraDatabase = PostgresServer.get().createDatabase("gate_replay");
    String url =
        extraDatabase.jdbcUrl()
            + (extraDatabase.jdbcUrl().contains("?") ? "&" : "?")
            + "user="
            + extraDatabase.user()
            + (extraDatabase.password() == null ? "" : "&password=" + extraDatabase.password());
    Path config = Files.writeString(configDir.resolve("gate.yaml"), yaml);
    gate = GateProcess.start(url, config);
    gateUrl = gate.url();

    send("PUT", "/v1/apps/shop/releases/2/lint-report", CI, lintReport(false), 200);
    send("PUT", "/v1/apps/shop/releases/3/lint-report", CI, lintReport(true), 200);
  }

  @AfterEach
  void stop() throws InterruptedException {
    gate.close();
    codeDeploy.stop(0);
    PostgresServer.get().dropDatabase(extraDatabase);
  }

  private IntegrationFiles files(String release) {
    Map<String, String> context = new HashMap<>(IntegrationFilesTest.CONTEXT);
    context.put("secret:greenlight-gate/deployer-token", DEPLOYER);
    context.put("viewer-token", VIEWER);
    context.put("GREENLIGHT_GATE", gateUrl);
    context.put("GREENLIGHT_DEPLOY_TOKEN", DEPLOYER);
    context.put("RELEASE", release);
    return new IntegrationFiles(context);
  }

  @Test
  void argoAnalysisSucceedsOnAllowAndFailsOnDeny() throws Exception {
    agentReport("2");
    JsonNode template =
        IntegrationFiles.documents(Path.of("argo-rollouts/analysis-template.yaml")).get(0);
    JsonNode metric = template.path("spec").path("metrics").get(0);
    GateCall call = files("2").argo();

    JsonNode allowed = replay(call, 200);
    JsonNode result =
        jsonPath(allowed, metric.path("provider").path("web").path("jsonPath").asText());
    assertThat(condition(metric.path("successCondition").asText(), result)).isTrue();
    assertThat(condition(metric.path("failureCondition").asText(), result)).isFalse();

    agentReport("3");
    GateCall forThree = withQuery(call, "release", "3");
    JsonNode denied = replay(forThree, 200);
    JsonNode deniedResult = jsonPath(denied, "{$.argo}");
    assertThat(condition(metric.path("failureCondition").asText(), deniedResult)).isTrue();
    assertThat(deniedResult.path("reasons").asText()).contains("MIGRATION_UNSAFE");

    JsonNode pending = jsonPath(replay(withQuery(call, "release", "9"), 200), "{$.argo}");
    assertThat(pending.path("verdict").asText()).isEqualTo("pending");
    assertThat(condition(metric.path("successCondition").asText(), pending)).isFalse();
    assertThat(condition(metric.path("failureCondition").asText(), pending)).isFalse();
  }

  @Test
  void flaggerWebhookPromotesOnlyOnAllow() throws Exception {
    GateCall call = files("2").flagger();
    // No fresh agent in the slot yet: Flagger gets 503 and keeps the canary.
    replay(call, 503);
    agentReport("2");
    JsonNode allowed = replay(call, 200);
    assertThat(allowed.path("release").asText()).isEqualTo("2");
    assertThat(allowed.path("verdict").asText()).isEqualTo("allow");
  }

  @Test
  void flaggerWebhookIsDeniedForAnUnsafeRelease() throws Exception {
    agentReport("3");
    JsonNode denied = replay(files("3").flagger(), 409);
    assertThat(denied.path("reasons").toString()).contains("MIGRATION_UNSAFE");
  }

  @Test
  void codeDeployEc2HookPassesOnAllowAndFailsOnDeny(@TempDir Path dir) throws Exception {
    agentReport("2");
    agentReport("3");
    Path script = IntegrationFiles.ROOT.resolve("codedeploy/ec2/scripts/before-allow-traffic.sh");
    Result allow = runEc2Hook(script, dir, "2");
    assertThat(allow.exit()).as(allow.output()).isZero();
    assertThat(allow.output()).contains("Greenlight answered 200");

    Result deny = runEc2Hook(script, dir, "3");
    assertThat(deny.exit()).as(deny.output()).isNotZero();
    assertThat(deny.output()).contains("Greenlight answered 409").contains("MIGRATION_UNSAFE");
  }

  @Test
  void codeDeployLambdaHandsTheHookToTheGate(@TempDir Path dir) throws Exception {
    assumeTrue(onPath("python3"), "python3 is not on the PATH: the ECS Lambda cannot run here");
    agentReport("2");
    Path lambda = IntegrationFiles.ROOT.resolve("codedeploy/ecs");
    Map<String, String> env =
        Map.of(
            "GREENLIGHT_GATE",
            gateUrl,
            "GREENLIGHT_APP",
            "shop",
            "GREENLIGHT_ENV",
            "prod",
            "GREENLIGHT_RELEASE",
            "2",
            "GREENLIGHT_DEPLOY_TOKEN",
            DEPLOYER,
            "PYTHONPATH",
            lambda.toString());
    Result run =
        run(
            dir,
            env,
            "python3",
            "-c",
            "import lambda_function as f; print(f.lambda_handler({'DeploymentId': 'd-REPLAY01',"
                + " 'LifecycleEventHookExecutionId': 'hook-replay'}, None))");
    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("accepted the hook: 202").contains("{'status': 202}");
    JsonNode reported = codeDeployCalls.poll(15, TimeUnit.SECONDS);
    assertThat(reported).as("the gate reported to CodeDeploy").isNotNull();
    assertThat(reported.path("deploymentId").asText()).isEqualTo("d-REPLAY01");
    assertThat(reported.path("lifecycleEventHookExecutionId").asText()).isEqualTo("hook-replay");
    assertThat(reported.path("status").asText()).isEqualTo("Succeeded");
  }

  @Test
  void ciJobsUploadTheLintReportAsEvidence(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("greenlight.json"), lintReport(false));
    agentReport("7");
    agentReport("8");
    assertThat(reasons("7")).contains("LINT_MISSING");

    String github = files("7").githubStepScript();
    Result gh =
        run(
            dir,
            Map.of("GREENLIGHT_GATE", gateUrl, "GREENLIGHT_CI_TOKEN", CI, "RELEASE", "7"),
            "bash",
            "-c",
            github);
    assertThat(gh.exit()).as(gh.output()).isZero();
    assertThat(reasons("7")).doesNotContain("LINT_MISSING");

    String gitlab = files("8").gitlabJobScript();
    Result gl =
        run(
            dir,
            Map.of("GREENLIGHT_GATE", gateUrl, "GREENLIGHT_CI_TOKEN", CI, "RELEASE", "8"),
            "bash",
            "-c",
            gitlab);
    assertThat(gl.exit()).as(gl.output()).isZero();
    assertThat(reasons("8")).doesNotContain("LINT_MISSING");

    Result badToken =
        run(
            dir,
            Map.of(
                "GREENLIGHT_GATE",
                gateUrl,
                "GREENLIGHT_CI_TOKEN",
                "wrong-token-123456",
                "RELEASE",
                "8"),
            "bash",
            "-c",
            gitlab);
    assertThat(badToken.exit()).isNotZero();
    assertThat(badToken.output()).contains("401");
  }

  // ---------- helpers ----------

  private String reasons(String release) throws Exception {
    return replay(
            new GateCall(
                "test",
                gateUrl,
                "GET",
                "/v1/apps/shop/envs/prod/decision",
                Map.of("release", release, "slot", "green"),
                Map.of("Authorization", "Bearer " + VIEWER),
                null),
            200)
        .path("reasons")
        .toString();
  }

  private void agentReport(String release) throws Exception {
    String report =
        """
        {"app": "shop", "environment": "prod", "slot": "green", "release": "%s",
         "instanceId": "shop-green-r%s", "observedAt": "%s", "uptimeSeconds": 300,
         "warmup": {"verdict": "WARM", "reasons": [], "signals": {"jitMsPerSec": 1.0, "requests": 900}},
         "sessions": {"storage": "SHARED",
           "manager": "org.apache.catalina.session.PersistentManager with dev.greenlight.samples.shop.session.PooledDataSourceStore",
           "server": "Apache Tomcat/11.0.27", "active": 3, "attributes": 3, "estimatedBytes": 900,
           "nonSerializableAttributes": 0},
         "sql": {"distinct": 12, "truncated": false}}
        """
            .formatted(release, release, Instant.now());
    send("POST", "/v1/apps/shop/envs/prod/agents", AGENT, report, 200, 201, 202, 204);
  }

  private void send(String method, String path, String token, String body, int... expected)
      throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(gateUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isIn(box(expected));
  }

  private static Integer[] box(int[] codes) {
    Integer[] boxed = new Integer[codes.length];
    for (int i = 0; i < codes.length; i++) {
      boxed[i] = codes[i];
    }
    return boxed;
  }

  /** Sends the extracted request to the real gate (its own base URL swapped for the gate's). */
  private JsonNode replay(GateCall call, int expectedStatus) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateUrl + call.target()));
    call.headers().forEach(request::header);
    request.method(
        call.method(),
        call.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(call.body()));
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode())
        .as(call.source() + " " + call.method() + " " + call.target() + ": " + r.body())
        .isEqualTo(expectedStatus);
    return JSON.readTree(r.body());
  }

  private static GateCall withQuery(GateCall call, String name, String value) {
    Map<String, String> query = new HashMap<>(call.query());
    query.put(name, value);
    return new GateCall(
        call.source(),
        call.baseUrl(),
        call.method(),
        call.path(),
        query,
        call.headers(),
        call.body());
  }

  /** Argo's jsonPath of the form {$.field}. */
  private static JsonNode jsonPath(JsonNode body, String path) {
    assertThat(path).matches("\\{\\$\\.[A-Za-z]+}");
    return body.path(path.substring(3, path.length() - 1));
  }

  /** Argo's condition of the form result.field == "value". */
  private static boolean condition(String expression, JsonNode result) {
    var m = java.util.regex.Pattern.compile("result\\.(\\w+) == \"([^\"]*)\"").matcher(expression);
    assertThat(m.matches()).as("condition understood: " + expression).isTrue();
    return result.path(m.group(1)).asText().equals(m.group(2));
  }

  record Result(int exit, String output) {}

  private Result runEc2Hook(Path script, Path dir, String release) throws Exception {
    Path home = Files.createDirectories(dir.resolve("shop-" + release));
    Files.writeString(home.resolve("release.txt"), release + "\n");
    Path envFile = home.resolve("deploy.env");
    Files.writeString(
        envFile,
        "GREENLIGHT_GATE="
            + gateUrl
            + "\nGREENLIGHT_APP=shop\nGREENLIGHT_ENV=prod\n"
            + "GREENLIGHT_DEPLOY_TOKEN="
            + DEPLOYER
            + "\n");
    return run(
        dir,
        Map.of(
            "GREENLIGHT_DEPLOY_ENV", envFile.toString(),
            "SHOP_HOME", home.toString(),
            "DEPLOYMENT_ID", "d-EC2REPLAY",
            "LIFECYCLE_EVENT", "BeforeAllowTraffic",
            "GATE_WAIT", "5"),
        "bash",
        script.toString());
  }

  private static Result run(Path dir, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + String.join(" ", command) + "\n" + output);
    }
    return new Result(p.exitValue(), output);
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  static String lintReport(boolean dropsColumn) {
    String finding =
        """
        {"rule": "ban-drop-column", "severity": "error", "category": "compat",
         "message": "Dropping column orders.email breaks the release still running",
         "help": "Stop using the column in release N, drop it in release N+1",
         "path": "db/unsafe/V3__orders_for_release_2.sql", "line": 12, "column": 1, "endLine": 12,
         "endColumn": 45, "suppressed": false}
        """;
    return """
        {"tool": {"name": "greenlight", "version": "0.1.0"}, "postgresVersion": 17,
         "migrations": [{"path": "db/safe/expand/V3__add_orders_customer_email.sql", "version": "3",
           "description": "add orders customer email", "checksum": "sha256:00", "transactional": true,
           "statements": 5, "unparsed": 0}],
         "findings": [%s],
         "summary": {"files": 1, "statements": 5, "errors": %d, "warnings": 0, "infos": 0, "unparsed": 0}}
        """
        .formatted(dropsColumn ? finding : "", dropsColumn ? 1 : 0);
  }
}
