package dev.greenlight.samples.integrations;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One slot of the shop as a real JVM with the Greenlight agent attached. */
final class ShopProcess implements AutoCloseable {
  final String slot;
  final String release;
  final int port;
  final int agentPort;
  private final Process process;
  private final Path log;

  private ShopProcess(
      String slot, String release, int port, int agentPort, Process process, Path log) {
    this.slot = slot;
    this.release = release;
    this.port = port;
    this.agentPort = agentPort;
    this.process = process;
    this.log = log;
  }

  static Path repository() {
    return IntegrationFiles.ROOT.getParent().getParent();
  }

  private static final Map<Path, Path> COPIES = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A private copy of a built jar, made once per test JVM: a JVM reads its jar lazily, so a rebuild
   * of the original while the test runs (another module's build in the same tree) must not reach
   * the processes under test.
   */
  static Path required(String relative, String build) {
    Path p = repository().resolve(relative);
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException(p + " is missing: " + build);
    }
    return COPIES.computeIfAbsent(
        p,
        original -> {
          try {
            Path dir = Files.createTempDirectory("greenlight-jars-");
            dir.toFile().deleteOnExit();
            Path copy = Files.copy(original, dir.resolve(original.getFileName()));
            copy.toFile().deleteOnExit();
            return copy;
          } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot copy " + original, e);
          }
        });
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Starts the shop and waits until /health answers 200. */
  static ShopProcess start(
      Path dir,
      String env,
      String slot,
      String release,
      String sessions,
      String jdbcUrl,
      String gateUrl,
      String agentToken)
      throws Exception {
    Path shopJar =
        required(
            "samples/shop/target/greenlight-sample-shop.jar",
            "./mvnw -B -pl samples/shop -am package -DskipTests");
    Path agentJar =
        required(
            "agent/target/greenlight-agent.jar", "./mvnw -B -pl agent -am package -DskipTests");
    int port = freePort();
    int agentPort = freePort();
    String agent =
        "-javaagent:"
            + agentJar
            + "=app=shop,env="
            + env
            + ",slot="
            + slot
            + ",release="
            + release
            + ",port="
            + agentPort
            + ",gate="
            + gateUrl
            + ",push-interval=1";
    Path log = dir.resolve(env + "-" + slot + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    agent,
                    "-jar",
                    shopJar.toString(),
                    "serve",
                    "--release",
                    release,
                    "--slot",
                    slot,
                    "--port",
                    String.valueOf(port),
                    "--sessions",
                    sessions,
                    "--jdbc-url",
                    jdbcUrl))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().putAll(Map.of("GREENLIGHT_TOKEN", agentToken));
    ShopProcess shop = new ShopProcess(slot, release, port, agentPort, pb.start(), log);
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (!shop.process.isAlive()) {
        throw new IllegalStateException(slot + " exited:\n" + Files.readString(log));
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(shop.url() + "/health"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return shop;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    shop.close();
    throw new IllegalStateException(
        slot + " did not answer /health in 90 s:\n" + Files.readString(log));
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
