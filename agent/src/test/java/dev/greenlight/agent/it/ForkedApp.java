package dev.greenlight.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** A test application in its own JVM, started with the packaged agent, stopped on close. */
final class ForkedApp implements AutoCloseable {
  static final Path AGENT_JAR = Path.of(System.getProperty("greenlight.agent.jar"));
  static final Path JAVA_17 = Path.of(System.getProperty("java.home"), "bin", "java");
  static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final Path stdout;
  private final Path stderr;
  final int appPort;
  final int agentPort;

  private ForkedApp(Process process, Path stdout, Path stderr, int appPort, int agentPort) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
    this.appPort = appPort;
    this.agentPort = agentPort;
  }

  /** Builder-style options for one forked JVM. */
  static final class Spec {
    Path java = JAVA_17;
    String mainClass;
    List<String> classpath = new ArrayList<>();
    String agentArgs = "";
    boolean agent = true;
    List<String> jvmArgs = new ArrayList<>();
    int agentPort = freePort();

    Spec(String mainClass) {
      this.mainClass = mainClass;
    }

    Spec java(Path java) {
      this.java = java;
      return this;
    }

    Spec classpath(List<String> cp) {
      this.classpath = cp;
      return this;
    }

    /** Extra agent options after the port; e.g. {@code app=shop,env=test}. */
    Spec agentArgs(String args) {
      this.agentArgs = args;
      return this;
    }

    Spec noAgent() {
      this.agent = false;
      return this;
    }

    Spec jvm(String... args) {
      jvmArgs.addAll(Arrays.asList(args));
      return this;
    }

    ForkedApp start() throws IOException, InterruptedException {
      List<String> cmd = new ArrayList<>();
      cmd.add(java.toString());
      cmd.add("-Xmx512m");
      if (agent) {
        String args = "port=" + agentPort + (agentArgs.isEmpty() ? "" : "," + agentArgs);
        cmd.add("-javaagent:" + AGENT_JAR + "=" + args);
      }
      cmd.addAll(jvmArgs);
      cmd.add("-cp");
      cmd.add(String.join(File.pathSeparator, classpath));
      cmd.add(mainClass);
      Path dir = Files.createDirectories(AGENT_JAR.getParent().resolve("forked-apps"));
      String label = mainClass.substring(mainClass.lastIndexOf('.') + 1) + "-" + agentPort;
      Path out = dir.resolve(label + ".out");
      Path err = dir.resolve(label + ".err");
      Process p =
          new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        String text = Files.readString(out);
        int at = text.indexOf("READY ");
        if (at >= 0 && text.indexOf('\n', at) > 0) {
          int port = Integer.parseInt(text.substring(at + 6, text.indexOf('\n', at)).trim());
          return new ForkedApp(p, out, err, port, agentPort);
        }
        if (!p.isAlive()) {
          throw new IllegalStateException(
              "test app exited with " + p.exitValue() + ":\n" + Files.readString(err));
        }
        Thread.sleep(100);
      }
      p.destroyForcibly();
      throw new IllegalStateException("test app did not start:\n" + Files.readString(err));
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The test classpath entries whose file names pass the filter, plus the test classes. */
  static List<String> classpath(Predicate<String> keepJarName) throws IOException {
    List<String> cp = new ArrayList<>();
    cp.add(System.getProperty("greenlight.test.classes"));
    String all = Files.readString(Path.of(System.getProperty("greenlight.test.classpath.file")));
    for (String entry : all.trim().split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (keepJarName.test(name)) {
        cp.add(entry);
      }
    }
    return cp;
  }

  static List<String> tomcat11Classpath() throws IOException {
    return classpath(
        n ->
            n.startsWith("tomcat-")
                || n.startsWith("spring-")
                || n.startsWith("micrometer-")
                || n.startsWith("postgresql-"));
  }

  static List<String> jettyClasspath() throws IOException {
    return classpath(
        n ->
            n.startsWith("jetty-")
                || n.startsWith("jakarta.servlet-api")
                || n.startsWith("slf4j-api"));
  }

  static List<String> undertowClasspath() throws IOException {
    return classpath(
        n ->
            n.startsWith("undertow-")
                || n.startsWith("xnio-")
                || n.startsWith("jboss-")
                || n.startsWith("wildfly-")
                || n.startsWith("smallrye-common-")
                || n.startsWith("jakarta.servlet-api")
                || n.startsWith("jakarta.annotation-api"));
  }

  String get(String path) throws IOException, InterruptedException {
    return request(appPort, path).body();
  }

  HttpResponse<String> request(int port, String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> app(String path) throws IOException, InterruptedException {
    return request(appPort, path);
  }

  HttpResponse<String> agent(String path) throws IOException, InterruptedException {
    return request(agentPort, path);
  }

  /** The agent report as a parsed JSON tree. */
  JsonNode report() throws IOException, InterruptedException {
    HttpResponse<String> r = agent("/greenlight/report");
    if (r.statusCode() != 200) {
      throw new IllegalStateException("report answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  /** Polls the report until the condition holds or the timeout passes; returns the last one. */
  JsonNode awaitReport(Predicate<JsonNode> condition, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = report();
        if (condition.test(last)) {
          return last;
        }
      } catch (IOException notYetListening) {
        // the agent's endpoint starts a moment after the JVM
      }
      Thread.sleep(250);
    }
    throw new AssertionError("condition not met within " + timeout + "; last report: " + last);
  }

  String stderr() throws IOException {
    return Files.readString(stderr);
  }

  String stdout() throws IOException {
    return Files.readString(stdout);
  }

  List<String> agentLines() throws IOException {
    return stderr()
        .lines()
        .filter(l -> l.startsWith("[greenlight-agent]"))
        .collect(Collectors.toList());
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
