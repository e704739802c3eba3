package dev.greenlight.samples.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.testkit.PostgresServer;
import dev.greenlight.testkit.RealPostgres;
import dev.greenlight.testkit.TestDatabase;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole story with real parts: blue (release 1) and green (release 2) shop JVMs with the agent,
 * behind a real HAProxy, one shared PostgreSQL, the real gate (its HAProxy router driver flips the
 * backend), and a load generator sending requests the whole time. Runs when {@code haproxy} is on
 * the PATH (CI installs it); reported as skipped otherwise.
 */
@RealPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlueGreenThroughHaproxyTest {
  static final String CI = "ci-token-e2e-00000001";
  static final String AGENT = "agent-token-e2e-0000002";
  static final String DEPLOYER = "deployer-token-e2e-003";
  static final String APPROVER = "approver-token-e2e-004";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  /** Process logs stay after the run, for a failed CI build. */
  static final Path LOGS = Path.of("target", "e2e-logs").toAbsolutePath();

  private final HttpClient http = HttpClient.newHttpClient();
  private TestDatabase gateDatabase;
  private GateProcess gate;
  private String shopJdbcUrl;

  @BeforeAll
  void start(TestDatabase shopDatabase) throws Exception {
    assumeTrue(
        onPath("haproxy"), "haproxy is not on the PATH (CI installs it from .ci/apt-packages)");
    Files.createDirectories(LOGS);
    shopJdbcUrl = withUser(shopDatabase);
    run(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar",
        ShopProcess.required("samples/shop/target/greenlight-sample-shop.jar", "build samples/shop")
            .toString(),
        "migrate",
        "--path",
        "expand",
        "--jdbc-url",
        shopJdbcUrl);

    String yaml =
        """
        tokens:
          - {name: ci, role: ci, token: "%s"}
          - {name: agent, role: agent, token: "%s"}
          - {name: deployer, role: deployer, token: "%s"}
          - {name: approver, role: approver, token: "%s"}
        defaults:
          require-evidence: [lint]
          min-instances: 1
          # Warm-up judgement has its own tests in the agent; on a busy CI machine it may not
          # settle, and this test is about requests, sessions and the audit trail.
          accepted-warmup: [WARM, WARMING, NO_STEADY_STATE, DEGRADED, INSUFFICIENT_DATA]
          insurance-window: 1m
        apps:
          shop:
            envs:
              e2e-shared:
                router: {type: haproxy, socket: "%s", backend: shop, retire-state: maint, servers: {blue: blue1, green: green1}}
              e2e-memory:
                router: {type: haproxy, socket: "%s", backend: shop, retire-state: maint, servers: {blue: blue1, green: green1}}
        """
            .formatted(
                CI,
                AGENT,
                DEPLOYER,
                APPROVER,
                dir.resolve("shared.sock"),
                dir.resolve("memory.sock"));
    gateDatabase = PostgresServer.get().createDatabase("e2e_gate");
    gate =
        GateProcess.start(
            withUser(gateDatabase), Files.writeString(dir.resolve("gate.yaml"), yaml));
    send("PUT", "/v1/apps/shop/releases/2/lint-report", CI, GateReplayTest.lintReport(false));
  }

  @AfterAll
  void stop() throws Exception {
    if (gate != null) {
      gate.close();
      PostgresServer.get().dropDatabase(gateDatabase);
    }
  }

  @Test
  void sharedSessionsSwitchAndSwitchBackWithoutAFailedRequest() throws Exception {
    String env = "e2e-shared";
    try (ShopProcess blue =
            ShopProcess.start(LOGS, env, "blue", "1", "shared", shopJdbcUrl, gate.url(), AGENT);
        ShopProcess green =
            ShopProcess.start(LOGS, env, "green", "2", "shared", shopJdbcUrl, gate.url(), AGENT);
        HaproxyProcess haproxy =
            HaproxyProcess.start(dir.resolve("shared.sock"), blue.port, green.port)) {
      String front = "http://127.0.0.1:" + haproxy.frontendPort;
      Load load = Load.start(front + "/products", 4);
      Browser alice = new Browser();
      assertThat(
              alice.send("POST", front + "/cart/items", "{\"productId\": 3, \"quantity\": 2}").slot)
          .isEqualTo("blue");

      JsonNode allow = waitForVerdict(env, "2", "green", "allow", Duration.ofSeconds(120));
      JsonNode switched = switchTo(env, allow, "green");
      assertThat(switched.path("live").asText()).isEqualTo("green");
      assertThat(switched.path("router").path("ok").asBoolean()).as(switched.toString()).isTrue();
      Browser.Answer onGreen = alice.waitForSlot(front + "/cart", "green");
      assertThat(onGreen.body.path("itemCount").asInt())
          .as("the cart after the switch")
          .isEqualTo(2);
      alice.send("POST", front + "/cart/items", "{\"productId\": 1}");

      load.awaitAtLeast(6_000, Duration.ofSeconds(120));
      JsonNode back =
          send(
              "POST",
              "/v1/apps/shop/envs/" + env + "/switch-back",
              DEPLOYER,
              "{\"reason\": \"end-to-end test: switch back\"}");
      assertThat(back.path("live").asText()).isEqualTo("blue");
      Browser.Answer onBlue = alice.waitForSlot(front + "/cart", "blue");
      assertThat(onBlue.body.path("itemCount").asInt())
          .as("the cart after switching back")
          .isEqualTo(3);

      load.awaitAtLeast(10_000, Duration.ofSeconds(120));
      Load.Result result = load.stop();
      System.out.printf(
          "end-to-end (shared sessions): %d requests, %d failed, by slot %s%n",
          result.requests, result.failed, result.bySlot);
      assertThat(result.requests).isGreaterThanOrEqualTo(10_000);
      assertThat(result.failed).as("failed requests: " + result.failures).isZero();
      assertThat(result.bySlot).containsKeys("blue", "green");

      JsonNode audit = send("GET", "/v1/audit", DEPLOYER, null);
      String events = audit.toString();
      assertThat(events).contains("\"kind\":\"decision\"").contains(env);
      assertThat(events).contains("switch");
      assertThat(send("GET", "/v1/audit/verify", DEPLOYER, null).toString()).contains("true");
    }
  }

  @Test
  void inMemorySessionsAreDeniedAndLoseTheCartWhenOverridden() throws Exception {
    String env = "e2e-memory";
    try (ShopProcess blue =
            ShopProcess.start(LOGS, env, "blue", "1", "memory", shopJdbcUrl, gate.url(), AGENT);
        ShopProcess green =
            ShopProcess.start(LOGS, env, "green", "2", "memory", shopJdbcUrl, gate.url(), AGENT);
        HaproxyProcess haproxy =
            HaproxyProcess.start(dir.resolve("memory.sock"), blue.port, green.port)) {
      String front = "http://127.0.0.1:" + haproxy.frontendPort;
      Browser bob = new Browser();
      assertThat(bob.send("POST", front + "/cart/items", "{\"productId\": 2}").slot)
          .isEqualTo("blue");

      // Blue holds Bob's cart in its memory: switching now would drop it.
      JsonNode deny = waitForVerdict(env, "2", "green", "deny", Duration.ofSeconds(120));
      assertThat(deny.path("reasons").toString())
          .containsAnyOf("SESSIONS_AT_RISK", "SESSIONS_IN_MEMORY");

      send(
          "POST",
          "/v1/apps/shop/envs/" + env + "/overrides",
          APPROVER,
          "{\"release\": \"2\", \"waives\": [\"SESSIONS_IN_MEMORY\", \"SESSIONS_AT_RISK\"],"
              + " \"reason\": \"end-to-end test: show what in-memory sessions cost\","
              + " \"expiresAt\": \""
              + Instant.now().plusSeconds(600)
              + "\"}");
      JsonNode allow = waitForVerdict(env, "2", "green", "allow", Duration.ofSeconds(60));
      switchTo(env, allow, "green");
      Browser.Answer onGreen = bob.waitForSlot(front + "/cart", "green");
      assertThat(onGreen.body.path("itemCount").asInt())
          .as("in-memory cart after the switch")
          .isZero();
      send(
          "POST",
          "/v1/apps/shop/envs/" + env + "/switch-back",
          DEPLOYER,
          "{\"reason\": \"end-to-end test\"}");
    }
  }

  // ---------- gate ----------

  private JsonNode waitForVerdict(
      String env, String release, String slot, String verdict, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      last =
          send(
              "GET",
              "/v1/apps/shop/envs/" + env + "/decision?release=" + release + "&slot=" + slot,
              DEPLOYER,
              null);
      if (last.path("verdict").asText().equals(verdict)) {
        return last;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no " + verdict + " within " + timeout + "; last decision: " + last);
  }

  /** Switches with the decision, asking again while agent reports keep renewing it. */
  private JsonNode switchTo(String env, JsonNode decision, String slot) throws Exception {
    for (int attempt = 0; attempt < 10; attempt++) {
      HttpResponse<String> r =
          raw(
              "POST",
              "/v1/apps/shop/envs/" + env + "/switches",
              DEPLOYER,
              "{\"decisionId\": \""
                  + decision.path("decisionId").asText()
                  + "\", \"to\": \""
                  + slot
                  + "\"}");
      if (r.statusCode() == 200) {
        return JSON.readTree(r.body());
      }
      assertThat(r.body()).as("switch refused").contains("no longer current");
      decision =
          waitForVerdict(
              env, decision.path("release").asText(), slot, "allow", Duration.ofSeconds(30));
    }
    throw new AssertionError("the decision kept changing");
  }

  private JsonNode send(String method, String path, String token, String body) throws Exception {
    HttpResponse<String> r = raw(method, path, token, body);
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
    return JSON.readTree(r.body());
  }

  private HttpResponse<String> raw(String method, String path, String token, String body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(gate.url() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  // ---------- clients ----------

  /** One user with a cookie jar. */
  static final class Browser {
    record Answer(int status, String slot, JsonNode body) {}

    private final HttpClient client =
        HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    Answer send(String method, String url, String json) throws Exception {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
      if (json != null) {
        b.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json));
      } else {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(method + " " + url + ": " + r.body()).isEqualTo(200);
      return new Answer(
          r.statusCode(), r.headers().firstValue("X-Slot").orElse(null), JSON.readTree(r.body()));
    }

    /** Reads until the router sends this user to the slot (the flip is immediate, but be fair). */
    Answer waitForSlot(String url, String slot) throws Exception {
      Answer a = null;
      for (int i = 0; i < 50; i++) {
        a = send("GET", url, null);
        if (slot.equals(a.slot)) {
          return a;
        }
        Thread.sleep(100);
      }
      throw new AssertionError("still served by " + a.slot + ", expected " + slot);
    }
  }

  /** Threads sending GETs through the router the whole time, counting every failure. */
  static final class Load {
    record Result(long requests, long failed, Map<String, Long> bySlot, List<String> failures) {}

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final LongAdder requests = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Map<String, LongAdder> bySlot = new ConcurrentHashMap<>();
    private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();

    static Load start(String url, int threads) {
      Load load = new Load();
      for (int i = 0; i < threads; i++) {
        Thread t = new Thread(() -> load.loop(url), "load-" + i);
        t.setDaemon(true);
        load.threads.add(t);
        t.start();
      }
      return load;
    }

    private void loop(String url) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
      while (running.get()) {
        try {
          HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
          requests.increment();
          if (r.statusCode() != 200) {
            failed.increment();
            failures.add(
                "HTTP " + r.statusCode() + " from " + r.headers().firstValue("X-Slot").orElse("?"));
          } else {
            bySlot
                .computeIfAbsent(r.headers().firstValue("X-Slot").orElse("?"), k -> new LongAdder())
                .increment();
          }
        } catch (Exception e) {
          requests.increment();
          failed.increment();
          failures.add(e.toString());
        }
      }
    }

    void awaitAtLeast(long n, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (requests.sum() < n && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    }

    Result stop() throws InterruptedException {
      running.set(false);
      for (Thread t : threads) {
        t.join(TimeUnit.SECONDS.toMillis(15));
      }
      Map<String, Long> slots = new java.util.TreeMap<>();
      bySlot.forEach((k, v) -> slots.put(k, v.sum()));
      return new Result(
          requests.sum(),
          failed.sum(),
          slots,
          List.copyOf(failures.subList(0, Math.min(20, failures.size()))));
    }
  }

  // ---------- processes ----------

  static String withUser(TestDatabase db) {
    return db.jdbcUrl()
        + (db.jdbcUrl().contains("?") ? "&" : "?")
        + "user="
        + db.user()
        + (db.password() == null ? "" : "&password=" + db.password());
  }

  static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + out).isZero();
  }

  static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }
}
