package dev.greenlight.gate.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.gate.auth.Principal;
import dev.greenlight.gate.auth.Role;
import dev.greenlight.gate.config.GateConfig;
import dev.greenlight.gate.decision.AgentObservation;
import dev.greenlight.gate.decision.Policy;
import dev.greenlight.gate.decision.SessionStorage;
import dev.greenlight.gate.decision.Sha256;
import dev.greenlight.gate.decision.Slot;
import dev.greenlight.gate.decision.WarmupVerdict;
import dev.greenlight.gate.metrics.GateMetrics;
import dev.greenlight.gate.store.GateStore;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code POST /v1/apps/{app}/envs/{env}/agents}: one instance's agent report. */
final class AgentReportResource {
  private static final Logger LOG = Logger.getLogger(AgentReportResource.class.getName());
  static final int PRUNE_BATCH = 200;
  private final GateStore store;
  private final Access access;
  private final GateMetrics metrics;
  private final Clock clock;
  private final GateConfig config;
  private final ConcurrentHashMap<String, Instant> lastPruned = new ConcurrentHashMap<>();

  AgentReportResource(
      GateStore store, Access access, GateMetrics metrics, Clock clock, GateConfig config) {
    this.store = store;
    this.access = access;
    this.metrics = metrics;
    this.clock = clock;
    this.config = config;
  }

  void register(Routes routes) {
    routes.post("/v1/apps/{app}/envs/{env}/agents", this::post);
  }

  private void post(Context ctx) {
    Principal who = access.write(ctx, Role.AGENT);
    String app = Exchange.name(ctx, "app");
    String env = Exchange.name(ctx, "env");
    byte[] body = Exchange.body(ctx, Exchange.AGENT_REPORT);
    AgentObservation report =
        parse(Json.parse(body), app, env, Sha256.digest(body), clock.instant());
    var event = store.putAgentReport(app, env, report, Exchange.utf8(body), who.name());
    metrics.count("greenlight_gate_evidence_writes_total", "kind", "agent-report");
    prune(app, env, report.receivedAt());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("app", app);
    answer.put("environment", env);
    answer.put("instanceId", report.instanceId());
    answer.put("digest", report.digest());
    answer.put("receivedAt", report.receivedAt().toString());
    answer.put("stopping", report.stopping());
    answer.put("auditSeq", event.seq());
    Exchange.json(ctx, 200, answer);
  }

  /**
   * Instances come and go (a restarted JVM reports under a new id), so without pruning the table
   * would grow forever. At most once a second per app/env, and at most {@link #PRUNE_BATCH} rows at
   * a time, the reports that decisions no longer consider are deleted. A failure is logged, never
   * the answer: the report itself is stored by then.
   */
  private void prune(String app, String env, Instant now) {
    String key = app + '\u0000' + env;
    Instant last = lastPruned.get(key);
    if (last != null && now.isBefore(last.plusSeconds(1))) {
      return;
    }
    lastPruned.put(key, now);
    if (lastPruned.size() > 100_000) {
      lastPruned.clear();
    }
    Policy policy = config.policyFor(app, env);
    try {
      int pruned =
          store.pruneAgentReports(app, env, now.minus(policy.agentReportRetention()), PRUNE_BATCH);
      for (int i = 0; i < pruned; i++) {
        metrics.count("greenlight_gate_agent_reports_pruned_total");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not prune old agent reports of " + app + "/" + env, e);
    }
  }

  static AgentObservation parse(JsonNode root, String app, String env, String digest, Instant now) {
    Fields.object(root, "");
    String bodyApp = Fields.requiredText(root, "", "app");
    if (!bodyApp.equals(app)) {
      throw ApiError.badRequest(
          "body app '" + bodyApp + "' does not match the path's '" + app + "'", "app");
    }
    String bodyEnv = Fields.requiredText(root, "", "environment");
    if (!bodyEnv.equals(env)) {
      throw ApiError.badRequest(
          "body environment '" + bodyEnv + "' does not match the path's '" + env + "'",
          "environment");
    }
    Slot slot = Fields.requiredEnum(root, "", "slot", Slot::parse, "blue, green");
    String release = Fields.requiredName(root, "", "release");
    String instance = Fields.requiredName(root, "", "instanceId");
    Instant observedAt = Fields.requiredInstant(root, "", "observedAt");
    Fields.optionalLong(root, "", "uptimeSeconds", 0);
    JsonNode warmup = Fields.optionalObject(root, "", "warmup");
    if (warmup == null) {
      throw ApiError.badRequest("missing field 'warmup'", "warmup");
    }
    WarmupVerdict verdict =
        Fields.requiredEnum(
            warmup,
            "warmup",
            "verdict",
            WarmupVerdict::parse,
            "WARM, WARMING, NO_STEADY_STATE, DEGRADED, INSUFFICIENT_DATA");
    Fields.optionalArray(warmup, "warmup", "reasons");
    Fields.optionalObject(warmup, "warmup", "signals");
    JsonNode sessions = Fields.optionalObject(root, "", "sessions");
    SessionStorage storage = SessionStorage.UNKNOWN;
    long active = 0;
    String manager = null;
    SessionStorage configured = null;
    if (sessions != null) {
      storage =
          Fields.requiredEnum(
              sessions,
              "sessions",
              "storage",
              SessionStorage::parse,
              "NONE, IN_MEMORY, LOCAL_DISK, REPLICATED_CLUSTER, SHARED, UNKNOWN");
      if (sessions.hasNonNull("configuredStorage")) {
        configured =
            Fields.requiredEnum(
                sessions,
                "sessions",
                "configuredStorage",
                SessionStorage::parse,
                "NONE, IN_MEMORY, LOCAL_DISK, REPLICATED_CLUSTER, SHARED, UNKNOWN");
      }
      active = Fields.optionalLong(sessions, "sessions", "active", 0).orElse(0L);
      manager = Fields.optionalText(sessions, "sessions", "manager").orElse(null);
      Fields.optionalText(sessions, "sessions", "server");
      Fields.optionalLong(sessions, "sessions", "attributes", 0);
      Fields.optionalLong(sessions, "sessions", "estimatedBytes", 0);
      Fields.optionalLong(sessions, "sessions", "nonSerializableAttributes", 0);
    }
    JsonNode sql = Fields.optionalObject(root, "", "sql");
    if (sql != null) {
      Fields.optionalLong(sql, "sql", "distinct", 0);
      Fields.optionalBoolean(sql, "sql", "truncated");
    }
    boolean stopping = Fields.optionalBoolean(root, "", "stopping").orElse(false);
    return new AgentObservation(
        instance,
        slot,
        release,
        verdict,
        storage,
        active,
        manager,
        digest,
        observedAt,
        now,
        configured,
        stopping);
  }
}
