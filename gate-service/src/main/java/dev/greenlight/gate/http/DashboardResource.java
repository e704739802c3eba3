package dev.greenlight.gate.http;

import dev.greenlight.gate.auth.Principal;
import dev.greenlight.gate.dashboard.Dashboard;
import io.javalin.http.Context;

/** {@code GET /}: the read-only dashboard. */
final class DashboardResource {
  private final Dashboard dashboard;
  private final Access access;

  DashboardResource(Dashboard dashboard, Access access) {
    this.dashboard = dashboard;
    this.access = access;
  }

  void register(Routes routes) {
    routes.get("/", this::get);
  }

  private void get(Context ctx) {
    Principal who = access.openRead(ctx);
    ctx.status(200)
        .contentType("text/html; charset=utf-8")
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        .result(dashboard.render(who.name()));
  }
}
