package dev.greenlight.gate.http;

import dev.greenlight.gate.auth.Principal;
import dev.greenlight.gate.decision.DecisionRequest;
import dev.greenlight.gate.evaluation.DecisionService;
import dev.greenlight.gate.evaluation.Evaluation;
import dev.greenlight.gate.metrics.GateMetrics;
import io.javalin.http.Context;

/** {@code GET /v1/apps/{app}/envs/{env}/decision?release=R&slot=green}: the decision object. */
final class DecisionResource {
  private final DecisionService decisions;
  private final Access access;
  private final GateMetrics metrics;

  DecisionResource(DecisionService decisions, Access access, GateMetrics metrics) {
    this.decisions = decisions;
    this.access = access;
    this.metrics = metrics;
  }

  void register(Routes routes) {
    routes.get("/v1/apps/{app}/envs/{env}/decision", this::get);
  }

  private void get(Context ctx) {
    Principal who = access.openRead(ctx);
    Evaluation e = evaluate(ctx, who, Exchange.optionalName(ctx, "release"));
    Exchange.json(ctx, 200, e.rendered(Views::decisionBytes));
  }

  Evaluation evaluate(Context ctx, Principal who, String release) {
    String app = Exchange.name(ctx, "app");
    String env = Exchange.name(ctx, "env");
    var slot = Exchange.optionalSlot(ctx, "slot");
    Evaluation e = decisions.decide(new DecisionRequest(app, env, release, slot), who.name());
    metrics.count("greenlight_gate_decision_reads_total", "verdict", e.decision().verdict().wire());
    return e;
  }
}
