package dev.greenlight.gate.http;

import dev.greenlight.gate.router.Switchboard;
import io.javalin.http.Context;

/** {@code GET /v1/apps/{app}/envs/{env}/status}: live slot, insurance window, advice. */
final class StatusResource {
  private final Switchboard switchboard;
  private final Access access;

  StatusResource(Switchboard switchboard, Access access) {
    this.switchboard = switchboard;
    this.access = access;
  }

  void register(Routes routes) {
    routes.get("/v1/apps/{app}/envs/{env}/status", this::get);
  }

  private void get(Context ctx) {
    access.tokenRead(ctx);
    String app = Exchange.name(ctx, "app");
    String env = Exchange.name(ctx, "env");
    Exchange.json(ctx, 200, Views.status(switchboard.status(app, env)));
  }
}
