package dev.greenlight.gate.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.gate.auth.Principal;
import dev.greenlight.gate.auth.Role;
import dev.greenlight.gate.decision.Slot;
import dev.greenlight.gate.metrics.GateMetrics;
import dev.greenlight.gate.router.SwitchResult;
import dev.greenlight.gate.router.Switchboard;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST …/switches {decisionId, to}} and {@code POST …/switch-back {reason}}. */
final class SwitchResource {
  private final Switchboard switchboard;
  private final Access access;
  private final GateMetrics metrics;

  SwitchResource(Switchboard switchboard, Access access, GateMetrics metrics) {
    this.switchboard = switchboard;
    this.access = access;
    this.metrics = metrics;
  }

  void register(Routes routes) {
    routes.post("/v1/apps/{app}/envs/{env}/switches", this::switchTo);
    routes.post("/v1/apps/{app}/envs/{env}/switch-back", this::switchBack);
  }

  private void switchTo(Context ctx) {
    Principal who = access.write(ctx, Role.DEPLOYER);
    String app = Exchange.name(ctx, "app");
    String env = Exchange.name(ctx, "env");
    JsonNode body = Fields.object(Json.parse(Exchange.body(ctx, Exchange.SMALL_BODY)), "");
    String decisionId = Fields.requiredText(body, "", "decisionId");
    if (!decisionId.matches("d-[0-9a-f]{32}")) {
      throw ApiError.badRequest("'decisionId' must look like d-<32 hex digits>", "decisionId");
    }
    Slot to = Fields.requiredEnum(body, "", "to", Slot::parse, "blue, green");
    answer(ctx, "switch", switchboard.switchTo(app, env, decisionId, to, who.name()));
  }

  private void switchBack(Context ctx) {
    Principal who = access.write(ctx, Role.DEPLOYER);
    String app = Exchange.name(ctx, "app");
    String env = Exchange.name(ctx, "env");
    JsonNode body = Fields.object(Json.parse(Exchange.body(ctx, Exchange.SMALL_BODY)), "");
    String reason = Fields.requiredText(body, "", "reason");
    if (reason.isBlank()) {
      throw ApiError.badRequest("'reason' must say why traffic goes back", "reason");
    }
    answer(ctx, "switch-back", switchboard.switchBack(app, env, reason, who.name()));
  }

  private void answer(Context ctx, String kind, SwitchResult result) {
    String app = ctx.pathParam("app");
    String env = ctx.pathParam("env");
    if (result instanceof SwitchResult.Done done) {
      metrics.count("greenlight_gate_switches_total", "kind", kind, "outcome", "done");
      Map<String, Object> m = Views.liveState(app, env, done.state());
      if (done.router() != null) {
        Map<String, Object> router = new LinkedHashMap<>();
        router.put("type", done.routerType());
        router.put("ok", done.router().ok());
        router.put("message", done.router().message());
        m.put("router", router);
      } else {
        m.put("router", null);
      }
      m.put("warnings", done.warnings());
      m.put("auditSeq", done.auditSeq());
      Exchange.json(ctx, 200, m);
    } else if (result instanceof SwitchResult.Refused refused) {
      metrics.count("greenlight_gate_switches_total", "kind", kind, "outcome", "refused");
      throw new ApiError(409, refused.error(), refused.field());
    } else {
      SwitchResult.RouterFailed failed = (SwitchResult.RouterFailed) result;
      metrics.count("greenlight_gate_switches_total", "kind", kind, "outcome", "router-failed");
      Map<String, Object> m = Views.error(failed.error(), "router");
      m.put("live", failed.state().live().wire());
      Exchange.json(ctx, 502, m);
    }
  }
}
