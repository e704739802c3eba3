package dev.greenlight.gate.http;

import dev.greenlight.gate.auth.Authenticator;
import dev.greenlight.gate.codedeploy.CodeDeployReporter;
import dev.greenlight.gate.config.GateConfig;
import dev.greenlight.gate.dashboard.Dashboard;
import dev.greenlight.gate.evaluation.DecisionService;
import dev.greenlight.gate.metrics.GateMetrics;
import dev.greenlight.gate.router.Switchboard;
import dev.greenlight.gate.store.GateStore;
import dev.greenlight.gate.store.StoreException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Installs every resource, the error mapping and the request metrics on a Javalin config. */
public final class GateApi {
  private static final Logger LOG = Logger.getLogger(GateApi.class.getName());
  private static final String ANSWERED = "gate.answered";

  /** What the resources need. */
  public record Parts(
      GateConfig config,
      GateStore store,
      DecisionService decisions,
      Switchboard switchboard,
      Dashboard dashboard,
      CodeDeployReporter codeDeploy,
      GateMetrics metrics,
      Clock clock) {}

  private GateApi() {}

  public static Routes install(JavalinConfig config, Parts p) {
    Access access = new Access(new Authenticator(p.config().tokens()), p.config().anonymousRead());
    Routes routes = new Routes(config.routes);
    new ReportResource(p.store(), access, p.metrics(), p.clock()).register(routes);
    new SqlResource(p.store(), access, p.metrics()).register(routes);
    new AgentReportResource(p.store(), access, p.metrics(), p.clock(), p.config()).register(routes);
    DecisionResource decision = new DecisionResource(p.decisions(), access, p.metrics());
    decision.register(routes);
    new CheckResource(decision, access).register(routes);
    new CodeDeployHookResource(p.codeDeploy(), access).register(routes);
    new SwitchResource(p.switchboard(), access, p.metrics()).register(routes);
    new StatusResource(p.switchboard(), access).register(routes);
    new OverrideResource(p.store(), access, p.clock()).register(routes);
    new AuditResource(p.store(), access).register(routes);
    new OpsResource(p.metrics(), access).register(routes);
    new DashboardResource(p.dashboard(), access).register(routes);

    config.routes.exception(
        ApiError.class, (e, ctx) -> answer(ctx, e.status(), e.getMessage(), e.field()));
    config.routes.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          boolean routing = e.getStatus() == 404 || e.getStatus() == 405;
          answer(
              ctx,
              e.getStatus(),
              routing ? "no such endpoint: " + ctx.method() + " " + ctx.path() : e.getMessage(),
              routing ? "path" : null);
        });
    config.routes.exception(
        StoreException.class,
        (e, ctx) -> {
          LOG.log(
              Level.WARNING,
              "store failure on " + ctx.method() + " " + ctx.path() + ": " + e.getMessage());
          ctx.header("Retry-After", "5");
          answer(ctx, 503, "the gate's database is unavailable; retry shortly", null);
        });
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.log(Level.SEVERE, "unexpected failure on " + ctx.method() + " " + ctx.path(), e);
          answer(ctx, 500, "internal error: " + e.getClass().getSimpleName(), null);
        });
    config.routes.error(
        404,
        ctx -> {
          if (ctx.attribute(ANSWERED) == null) {
            answer(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path(), "path");
          }
        });
    config.routes.error(
        405,
        ctx -> {
          if (ctx.attribute(ANSWERED) == null) {
            answer(
                ctx, 405, "method " + ctx.method() + " is not allowed on " + ctx.path(), "method");
          }
        });
    config.routes.after(
        ctx -> {
          String route = ctx.attribute(Routes.ROUTE);
          p.metrics()
              .count(
                  "greenlight_gate_http_requests_total",
                  "route",
                  route == null ? "unmatched" : route,
                  "status",
                  Integer.toString(ctx.status().getCode()));
        });
    return routes;
  }

  private static void answer(Context ctx, int status, String error, String field) {
    ctx.attribute(ANSWERED, Boolean.TRUE);
    Exchange.json(ctx, status, Views.error(error, field));
  }
}
