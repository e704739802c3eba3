package dev.greenlight.gate.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.gate.auth.Principal;
import dev.greenlight.gate.auth.Role;
import dev.greenlight.gate.decision.AgentObservation;
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

/** {@code POST /v1/apps/{app}/envs/{env}/agents}: one instance's agent report. */
final class AgentReportResource {
  private final GateStore store;
  private final Access access;
  private final GateMetrics metrics;
  private final Clock clock;

  AgentReportResource(GateStore store, Access access, GateMetrics metrics, Clock clock) {
    this.store = store;
    this.access = access;
    this.metrics = metrics;
    this.clock = clock;
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
