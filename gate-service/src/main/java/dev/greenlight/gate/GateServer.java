package dev.greenlight.gate;

import dev.greenlight.gate.codedeploy.CodeDeployReporter;
import dev.greenlight.gate.config.GateConfig;
import dev.greenlight.gate.dashboard.Dashboard;
import dev.greenlight.gate.evaluation.DecisionService;
import dev.greenlight.gate.http.GateApi;
import dev.greenlight.gate.http.JsonErrorHandler;
import dev.greenlight.gate.http.Routes;
import dev.greenlight.gate.metrics.GateMetrics;
import dev.greenlight.gate.router.Switchboard;
import dev.greenlight.gate.store.AppEnv;
import dev.greenlight.gate.store.GateDatabase;
import dev.greenlight.gate.store.GateStore;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.UriCompliance;

/**
 * The gate: create with a config and a store, start, ask for the port, stop. Closing stops the
 * server and the store it owns.
 */
public final class GateServer implements AutoCloseable {
  private final GateStore store;
  private final Javalin javalin;
  private final CodeDeployReporter codeDeploy;
  private final List<Routes.Route> routes;
  private final int requestedPort;
  private final String host;

  private GateServer(GateConfig config, GateStore store, String host, int port, Clock clock) {
    this.store = store;
    this.host = host;
    this.requestedPort = port;
    GateMetrics metrics = new GateMetrics();
    metrics.gauge(
        "greenlight_gate_evidence_version",
        "Version of the evidence; changes with every evidence write.",
        store::evidenceVersion);
    DecisionService decisions =
        new DecisionService(
            store,
            config,
            clock,
            d -> metrics.count("greenlight_gate_decisions_total", "verdict", d.verdict().wire()));
    Switchboard switchboard = new Switchboard(store, config, decisions, clock);
    List<AppEnv> configured = new ArrayList<>();
    config
        .apps()
        .forEach((app, envs) -> envs.keySet().forEach(env -> configured.add(new AppEnv(app, env))));
    Dashboard dashboard = new Dashboard(store, decisions, clock, configured);
    this.codeDeploy =
        new CodeDeployReporter(config.codeDeploy(), decisions, store, clock, System.getenv());
    GateApi.Parts parts =
        new GateApi.Parts(
            config, store, decisions, switchboard, dashboard, codeDeploy, metrics, clock);
    List<Routes.Route> registered = new ArrayList<>();
    this.javalin =
        Javalin.create(
            c -> {
              c.startup.showJavalinBanner = false;
              c.startup.showOldJavalinVersionWarning = false;
              c.http.maxRequestSize = 16L * 1024 * 1024 + 1;
              c.http.generateEtags = false;
              // Path tricks (%2F, %2E%2E) must reach the handlers, which answer them with a JSON
              // 400.
              c.jetty.modifyHttpConfiguration(h -> h.setUriCompliance(UriCompliance.UNSAFE));
              c.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
              c.jetty.modifyServletContextHandler(
                  h -> h.getServletHandler().setDecodeAmbiguousURIs(true));
              registered.addAll(GateApi.install(c, parts).all());
            });
    this.routes = List.copyOf(registered);
  }

  /**
   * A gate on an already opened store, which it closes on {@link #close()}, listening on every
   * interface.
   */
  public static GateServer create(GateConfig config, GateStore store, int port) {
    return create(config, store, BindAddress.ALL_INTERFACES, port);
  }

  /**
   * A gate listening on {@code host} only (an address checked by {@link BindAddress#parse}, or
   * {@link BindAddress#ALL_INTERFACES}).
   */
  public static GateServer create(GateConfig config, GateStore store, String host, int port) {
    return create(config, store, host, port, Clock.systemUTC());
  }

  /**
   * A gate whose decisions, freshness and pruning follow {@code clock} (tests replay hours of agent
   * reports in seconds).
   */
  public static GateServer create(
      GateConfig config, GateStore store, String host, int port, Clock clock) {
    return new GateServer(config, store, host, port, clock);
  }

  /** A gate on its embedded PostgreSQL with data in {@code dataDir}. */
  public static GateServer embedded(GateConfig config, Path dataDir, String host, int port)
      throws IOException {
    return create(config, GateDatabase.embedded(dataDir, 16), host, port);
  }

  /** A gate on any PostgreSQL by JDBC URL (several gates may share it). */
  public static GateServer external(GateConfig config, String jdbcUrl, String host, int port)
      throws SQLException {
    return create(config, GateDatabase.external(jdbcUrl, 16), host, port);
  }

  public GateServer start() {
    javalin.start(host, requestedPort);
    return this;
  }

  public int port() {
    return javalin.port();
  }

  /** The address it listens on; {@link BindAddress#ALL_INTERFACES} for every interface. */
  public String host() {
    return host;
  }

  /** Every method and path the server answers, as registered. */
  public List<Routes.Route> routes() {
    return routes;
  }

  public void stop() {
    javalin.stop();
  }

  @Override
  public void close() {
    try {
      javalin.stop();
      codeDeploy.close();
    } finally {
      store.close();
    }
  }
}
