package dev.greenlight.agent.push;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Pushes the report to {@code POST {gate}/v1/apps/{app}/envs/{env}/agents} every interval, and the
 * captured SQL to {@code PUT {gate}/v1/apps/{app}/releases/{release}/sql} when it changed. Runs on
 * its own daemon thread with connect and read timeouts, so a slow or broken gate delays only this
 * thread. The "queue" holds one item, the latest report, which is built when it is sent. After
 * failures the interval doubles up to a minute. One stderr line per state change.
 */
public final class GatePusher implements Runnable {
  static final int CONNECT_TIMEOUT_MS = 2000;
  static final int READ_TIMEOUT_MS = 5000;

  /** The final report may hold up the JVM's exit by this much at most. */
  static final int SHUTDOWN_WAIT_MS = 1000;

  private final String reportUrl;
  private final String sqlUrl;
  private final String token;
  private final long intervalMs;
  private final long maxBackoffMs;
  private final Supplier<String> report;
  private final Supplier<String> sqlFile;
  private final LongSupplier sqlVersion;
  private final PrintStream log;
  private final String gate;
  private long pushedSqlVersion = -1;
  private Boolean healthy;
  private volatile long delivered;
  private volatile long failed;
  private volatile boolean stopping;

  public GatePusher(
      String gate,
      String app,
      String env,
      String release,
      String token,
      int intervalSeconds,
      int maxBackoffSeconds,
      Supplier<String> report,
      Supplier<String> sqlFile,
      LongSupplier sqlVersion,
      PrintStream log) {
    this.gate = gate;
    this.reportUrl = gate + "/v1/apps/" + enc(app) + "/envs/" + enc(env) + "/agents";
    this.sqlUrl = gate + "/v1/apps/" + enc(app) + "/releases/" + enc(release) + "/sql";
    this.token = token;
    this.intervalMs = intervalSeconds * 1000L;
    this.maxBackoffMs = Math.max(intervalMs, maxBackoffSeconds * 1000L);
    this.report = report;
    this.sqlFile = sqlFile;
    this.sqlVersion = sqlVersion;
    this.log = log;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Starts the pushing thread (a daemon). */
  public Thread start() {
    Thread t = new Thread(this, "greenlight-agent-push");
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Override
  public void run() {
    long delay = Math.min(intervalMs, 1000);
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        return;
      }
      if (stopping) {
        return;
      }
      String problem = pushOnce();
      if (problem == null) {
        delay = intervalMs;
        stateChange(true, null);
      } else {
        delay = Math.min(maxBackoffMs, Math.max(intervalMs, delay * 2));
        stateChange(false, problem);
      }
    }
  }

  /**
   * Registers a JVM shutdown hook that sends one last report ({@code "stopping": true}) so the gate
   * stops counting this JVM at once. The hook waits for it at most {@link #SHUTDOWN_WAIT_MS}; the
   * send itself runs on a daemon thread that the exiting JVM simply drops if the gate is slow.
   */
  public void pushFinalReportOnShutdown(Supplier<String> finalReport) {
    Thread hook =
        new Thread(
            () -> {
              stopping = true;
              Thread send =
                  new Thread(
                      () -> {
                        try {
                          send(
                              "POST",
                              reportUrl,
                              "application/json",
                              finalReport.get(),
                              SHUTDOWN_WAIT_MS,
                              SHUTDOWN_WAIT_MS);
                        } catch (Throwable ignored) {
                          // the JVM is exiting; the gate will see the reports stop
                        }
                      },
                      "greenlight-agent-final-report");
              send.setDaemon(true);
              send.start();
              try {
                send.join(SHUTDOWN_WAIT_MS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "greenlight-agent-shutdown");
    try {
      Runtime.getRuntime().addShutdownHook(hook);
    } catch (IllegalStateException | SecurityException alreadyStoppingOrNotAllowed) {
      // no final report; the gate notices the missing reports instead
    }
  }

  /** One report (and the SQL when it changed); null on success, else what went wrong. */
  String pushOnce() {
    try {
      String body = report.get();
      String problem = send("POST", reportUrl, "application/json", body);
      if (problem != null) {
        failed++;
        return problem;
      }
      long version = sqlVersion.getAsLong();
      if (version != pushedSqlVersion) {
        problem = send("PUT", sqlUrl, "text/plain; charset=utf-8", sqlFile.get());
        if (problem != null) {
          failed++;
          return problem;
        }
        pushedSqlVersion = version;
      }
      delivered++;
      return null;
    } catch (RuntimeException e) {
      failed++;
      return "agent error " + e;
    }
  }

  private String send(String method, String url, String type, String body) {
    return send(method, url, type, body, CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
  }

  private String send(
      String method, String url, String type, String body, int connectTimeout, int readTimeout) {
    HttpURLConnection c = null;
    try {
      c = (HttpURLConnection) new URL(url).openConnection();
      c.setRequestMethod(method);
      c.setConnectTimeout(connectTimeout);
      c.setReadTimeout(readTimeout);
      c.setUseCaches(false);
      c.setInstanceFollowRedirects(false);
      c.setDoOutput(true);
      c.setRequestProperty("Content-Type", type);
      c.setRequestProperty("Accept", "application/json");
      if (token != null) {
        c.setRequestProperty("Authorization", "Bearer " + token);
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      c.setFixedLengthStreamingMode(bytes.length);
      try (OutputStream out = c.getOutputStream()) {
        out.write(bytes);
      }
      int status = c.getResponseCode();
      drain(status >= 400 ? c.getErrorStream() : c.getInputStream());
      if (status / 100 != 2) {
        return method + " " + url + " answered HTTP " + status;
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return method + " " + url + " failed: " + e;
    } finally {
      if (c != null) {
        c.disconnect();
      }
    }
  }

  private static void drain(InputStream in) throws IOException {
    if (in == null) {
      return;
    }
    try (InputStream s = in) {
      byte[] buffer = new byte[4096];
      long total = 0;
      int n;
      // A gate answering endless garbage is cut off; nothing of the body is needed.
      while ((n = s.read(buffer)) > 0 && (total += n) < 1 << 20) {
        // discard
      }
    }
  }

  private void stateChange(boolean ok, String problem) {
    if (healthy != null && healthy == ok) {
      return;
    }
    healthy = ok;
    if (ok) {
      log.println("[greenlight-agent] reporting to the gate " + gate);
    } else {
      log.println(
          "[greenlight-agent] cannot report to the gate: "
              + problem
              + "; retrying with backoff up to "
              + maxBackoffMs / 1000
              + " s (the application is not affected)");
    }
  }

  public long delivered() {
    return delivered;
  }

  public long failed() {
    return failed;
  }
}
