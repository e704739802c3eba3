package dev.greenlight.samples.integrations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real gate as users run it: {@code java -jar gate-service/target/greenlight-gate.jar serve} on
 * a free port, against a PostgreSQL given by JDBC URL, with a gate.yaml.
 */
final class GateProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

  private final Process process;
  private final int port;
  private final List<String> output;

  private GateProcess(Process process, int port, List<String> output) {
    this.process = process;
    this.port = port;
    this.output = output;
  }

  /** The gate jar the reactor builds before the samples. */
  static Path jar() {
    return ShopProcess.required(
        "gate-service/target/greenlight-gate.jar",
        "build the gate first (./mvnw -B -pl gate-service -am package -DskipTests)");
  }

  static GateProcess start(String jdbcUrl, Path configFile)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar().toString(),
                "serve",
                "--port",
                "0",
                "--jdbc-url",
                jdbcUrl,
                "--config",
                configFile.toString())
            .redirectErrorStream(true);
    Process process = pb.start();
    List<String> output = new ArrayList<>();
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while ((line = lines.readLine()) != null) {
      synchronized (output) {
        output.add(line);
      }
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    String more;
                    while ((more = lines.readLine()) != null) {
                      synchronized (output) {
                        output.add(more);
                      }
                    }
                  } catch (IOException ignored) {
                    // the gate stopped
                  }
                },
                "gate-output");
        drain.setDaemon(true);
        drain.start();
        return new GateProcess(process, Integer.parseInt(m.group(1)), output);
      }
      if (System.nanoTime() > deadline) {
        break;
      }
    }
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    throw new IllegalStateException("the gate did not start:\n" + String.join("\n", output));
  }

  int port() {
    return port;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
