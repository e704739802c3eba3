package dev.greenlight.gate.http;

import dev.greenlight.gate.metrics.GateMetrics;
import io.javalin.http.Context;

/** {@code GET /healthz} (liveness, no token) and {@code GET /metrics} (Prometheus text). */
final class OpsResource {
  private static final byte[] UP =
      "{\"status\":\"UP\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
  private final GateMetrics metrics;
  private final Access access;

  OpsResource(GateMetrics metrics, Access access) {
    this.metrics = metrics;
    this.access = access;
  }

  void register(Routes routes) {
    routes.get("/healthz", ctx -> Exchange.json(ctx, 200, UP));
    routes.get("/metrics", this::metrics);
  }

  private void metrics(Context ctx) {
    access.openRead(ctx);
    ctx.status(200)
        .contentType("text/plain; version=0.0.4; charset=utf-8")
        .result(metrics.render());
  }
}
