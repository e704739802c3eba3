package dev.greenlight.gate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A gate in its own JVM ({@code Main serve}), for tests that kill it or run two of them. */
final class ForkedGate implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");
  private final Process process;
  private final int port;
  private final StringBuffer output = new StringBuffer();

  private ForkedGate(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static ForkedGate start(Path log, String... serveArgs) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.add("serve");
    cmd.addAll(List.of(serveArgs));
    Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    StringBuffer seen = new StringBuffer();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  seen.append(line).append('\n');
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                  }
                }
              } catch (IOException ignored) {
                // the process went away
              }
              port.complete(-1);
            },
            "forked-gate-stdout");
    reader.setDaemon(true);
    reader.start();
    int found;
    try {
      found = port.get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      p.destroyForcibly();
      throw new AssertionError("the forked gate did not start: " + seen, e);
    }
    if (found < 0) {
      throw new AssertionError("the forked gate exited: " + seen + "\nsee " + log);
    }
    ForkedGate g = new ForkedGate(p, found);
    g.output.append(seen);
    return g;
  }

  int port() {
    return port;
  }

  /** What the gate printed on stdout up to its listening line. */
  String startupOutput() {
    return output.toString();
  }

  long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hook runs, the embedded postmaster is left behind. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
