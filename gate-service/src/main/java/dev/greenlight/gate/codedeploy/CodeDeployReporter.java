package dev.greenlight.gate.codedeploy;

import dev.greenlight.gate.audit.CanonicalJson;
import dev.greenlight.gate.config.CodeDeploySettings;
import dev.greenlight.gate.decision.Decision;
import dev.greenlight.gate.decision.DecisionRequest;
import dev.greenlight.gate.decision.Verdict;
import dev.greenlight.gate.evaluation.DecisionService;
import dev.greenlight.gate.store.AuditEntry;
import dev.greenlight.gate.store.GateStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers a CodeDeploy lifecycle hook: waits (re-evaluating) while the decision is pending, then
 * calls {@code PutLifecycleEventHookExecutionStatus} with Succeeded for allow and Failed for deny
 * or a decision still pending at {@code max-wait}. Signed with SigV4 when the AWS credential
 * variables are set; the endpoint is configurable (VPC endpoints, tests).
 */
public final class CodeDeployReporter implements AutoCloseable {
  static final String TARGET = "CodeDeploy_20141006.PutLifecycleEventHookExecutionStatus";
  private static final Logger LOG = Logger.getLogger(CodeDeployReporter.class.getName());

  /** One hook to answer. */
  public record Hook(
      String app,
      String environment,
      String deploymentId,
      String lifecycleEventHookExecutionId,
      String release,
      dev.greenlight.gate.decision.Slot slot,
      String actor) {}

  private final CodeDeploySettings settings;
  private final DecisionService decisions;
  private final GateStore store;
  private final Clock clock;
  private final Map<String, String> environment;
  private final HttpClient http;
  private final ExecutorService workers;

  public CodeDeployReporter(
      CodeDeploySettings settings,
      DecisionService decisions,
      GateStore store,
      Clock clock,
      Map<String, String> environment) {
    this.settings = settings;
    this.decisions = decisions;
    this.store = store;
    this.clock = clock;
    this.environment = Map.copyOf(environment);
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.workers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "gate-codedeploy-hook");
              t.setDaemon(true);
              return t;
            });
  }

  public void answer(Hook hook) {
    workers.execute(() -> run(hook));
  }

  private void run(Hook hook) {
    Instant deadline = clock.instant().plus(settings.maxWait());
    Decision d;
    while (true) {
      d =
          decisions.decideFresh(
              new DecisionRequest(hook.app(), hook.environment(), hook.release(), hook.slot()),
              hook.actor());
      if (d.verdict() != Verdict.PENDING || !clock.instant().isBefore(deadline)) {
        break;
      }
      try {
        Thread.sleep(settings.pollInterval().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    String status = d.verdict() == Verdict.ALLOW ? "Succeeded" : "Failed";
    int httpStatus = -1;
    String problem = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        httpStatus = send(hook, status);
        if (httpStatus / 100 == 2) {
          problem = null;
          break;
        }
        problem = "CodeDeploy answered HTTP " + httpStatus;
      } catch (IOException e) {
        problem = "CodeDeploy unreachable: " + e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("deploymentId", hook.deploymentId());
    detail.put("lifecycleEventHookExecutionId", hook.lifecycleEventHookExecutionId());
    detail.put("status", status);
    detail.put("verdict", d.verdict().wire());
    detail.put("reasons", d.activeCodes());
    detail.put("httpStatus", (long) httpStatus);
    detail.put("problem", problem);
    if (problem != null) {
      LOG.log(
          Level.WARNING,
          "CodeDeploy hook " + hook.lifecycleEventHookExecutionId() + ": " + problem);
    }
    store.append(
        new AuditEntry(
            clock.instant(),
            hook.actor(),
            "codedeploy",
            hook.app(),
            hook.environment(),
            d.release(),
            d.decisionId(),
            d.inputDigest(),
            detail));
  }

  private int send(Hook hook, String status) throws IOException, InterruptedException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("deploymentId", hook.deploymentId());
    body.put("lifecycleEventHookExecutionId", hook.lifecycleEventHookExecutionId());
    body.put("status", status);
    byte[] payload = CanonicalJson.write(body).getBytes(StandardCharsets.UTF_8);
    URI uri = settings.endpoint();
    Instant now = clock.instant();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-amz-json-1.1")
            .header("X-Amz-Target", TARGET)
            .header("X-Amz-Date", SigV4.amzDate(now))
            .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
    String key = environment.get("AWS_ACCESS_KEY_ID");
    String secret = environment.get("AWS_SECRET_ACCESS_KEY");
    if (key != null && secret != null) {
      String token = environment.get("AWS_SESSION_TOKEN");
      Map<String, String> signed = new LinkedHashMap<>();
      signed.put("content-type", "application/x-amz-json-1.1");
      signed.put("host", uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
      signed.put("x-amz-date", SigV4.amzDate(now));
      signed.put("x-amz-target", TARGET);
      if (token != null) {
        signed.put("x-amz-security-token", token);
        request.header("X-Amz-Security-Token", token);
      }
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      request.header(
          "Authorization",
          SigV4.authorization(
              new SigV4.Credentials(key, secret, token),
              settings.region(),
              "codedeploy",
              "POST",
              path,
              "",
              signed,
              payload,
              now));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Override
  public void close() {
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
