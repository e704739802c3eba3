package dev.greenlight.gate.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/** Registers handlers on Javalin and remembers every method and path, for the OpenAPI check. */
public final class Routes {
  /** One registered route, with the path in OpenAPI's {@code {param}} form. */
  public record Route(String method, String path) {}

  private final RoutesConfig javalin;
  private final List<Route> routes = new ArrayList<>();

  Routes(RoutesConfig javalin) {
    this.javalin = javalin;
  }

  /** The request attribute that names the matched route, for metrics. */
  static final String ROUTE = "gate.route";

  void get(String path, Handler handler) {
    routes.add(new Route("GET", path));
    javalin.get(path, tagged("GET " + path, handler));
  }

  void post(String path, Handler handler) {
    routes.add(new Route("POST", path));
    javalin.post(path, tagged("POST " + path, handler));
  }

  void put(String path, Handler handler) {
    routes.add(new Route("PUT", path));
    javalin.put(path, tagged("PUT " + path, handler));
  }

  private static Handler tagged(String route, Handler handler) {
    return ctx -> {
      ctx.attribute(ROUTE, route);
      handler.handle(ctx);
    };
  }

  public List<Route> all() {
    return List.copyOf(routes);
  }
}
