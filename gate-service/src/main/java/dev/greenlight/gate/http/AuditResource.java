package dev.greenlight.gate.http;

import dev.greenlight.gate.audit.AuditEvent;
import dev.greenlight.gate.audit.AuditQuery;
import dev.greenlight.gate.audit.AuditVerification;
import dev.greenlight.gate.store.GateStore;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /v1/audit} (filters app, env, kind, release; paging after/limit) and its verify. */
final class AuditResource {
  private final GateStore store;
  private final Access access;

  AuditResource(GateStore store, Access access) {
    this.store = store;
    this.access = access;
  }

  void register(Routes routes) {
    routes.get("/v1/audit", this::list);
    routes.get("/v1/audit/verify", this::verify);
  }

  private void list(Context ctx) {
    access.tokenRead(ctx);
    String kind = ctx.queryParam("kind");
    if (kind != null && !kind.matches("[a-z-]{1,32}")) {
      throw ApiError.badRequest("'kind' must be an event kind such as decision or switch", "kind");
    }
    long after = number(ctx, "after", 0, 0, Long.MAX_VALUE);
    int limit = (int) number(ctx, "limit", 100, 1, 1000);
    List<AuditEvent> events =
        store.audit(
            new AuditQuery(
                Exchange.optionalName(ctx, "app"),
                Exchange.optionalName(ctx, "env"),
                kind,
                Exchange.optionalName(ctx, "release"),
                after,
                limit,
                false));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("events", events.stream().map(Views::audit).toList());
    m.put("next", events.size() == limit ? events.get(events.size() - 1).seq() : null);
    Exchange.json(ctx, 200, m);
  }

  private void verify(Context ctx) {
    access.tokenRead(ctx);
    AuditVerification v = store.verifyAudit();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("valid", v.valid());
    m.put("events", v.events());
    m.put("headHash", v.headHash());
    m.put("brokenAt", v.brokenAt());
    m.put("problem", v.problem());
    Exchange.json(ctx, 200, m);
  }

  private static long number(Context ctx, String param, long dflt, long min, long max) {
    String text = ctx.queryParam(param);
    if (text == null || text.isEmpty()) {
      return dflt;
    }
    try {
      long v = Long.parseLong(text);
      if (v < min || v > max) {
        throw ApiError.badRequest("'" + param + "' must be from " + min + " to " + max, param);
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(
          "'" + param + "' must be a whole number, not '" + text + "'", param);
    }
  }
}
