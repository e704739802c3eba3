package dev.greenlight.gate.http;

import dev.greenlight.gate.auth.Principal;
import dev.greenlight.gate.auth.Role;
import dev.greenlight.gate.metrics.GateMetrics;
import dev.greenlight.gate.store.GateStore;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code PUT/GET /v1/apps/{app}/releases/{release}/sql}: a release's captured SQL, as text. */
final class SqlResource {
  private final GateStore store;
  private final Access access;
  private final GateMetrics metrics;

  SqlResource(GateStore store, Access access, GateMetrics metrics) {
    this.store = store;
    this.access = access;
    this.metrics = metrics;
  }

  void register(Routes routes) {
    routes.put("/v1/apps/{app}/releases/{release}/sql", this::put);
    routes.get("/v1/apps/{app}/releases/{release}/sql", this::get);
  }

  private void put(Context ctx) {
    Principal who = access.write(ctx, Role.AGENT);
    String app = Exchange.name(ctx, "app");
    String release = Exchange.name(ctx, "release");
    String type = ctx.contentType();
    if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("text/plain")) {
      throw new ApiError(415, "captured SQL is sent as text/plain, not " + type, "Content-Type");
    }
    String sql = Exchange.utf8(Exchange.body(ctx, Exchange.SQL));
    if (sql.indexOf('\u0000') >= 0) {
      throw ApiError.badRequest("the SQL text contains a NUL character", "body");
    }
    var event = store.putSql(app, release, sql, who.name());
    metrics.count("greenlight_gate_evidence_writes_total", "kind", "sql");
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("app", app);
    answer.put("release", release);
    answer.put("digest", event.inputDigest());
    answer.put("bytes", sql.length());
    answer.put("auditSeq", event.seq());
    Exchange.json(ctx, 200, answer);
  }

  private void get(Context ctx) {
    access.tokenRead(ctx);
    String app = Exchange.name(ctx, "app");
    String release = Exchange.name(ctx, "release");
    String sql =
        store
            .sql(app, release)
            .orElseThrow(
                () -> new ApiError(404, "no captured SQL for " + app + " " + release, "release"));
    ctx.status(200).contentType("text/plain; charset=utf-8").result(sql);
  }
}
