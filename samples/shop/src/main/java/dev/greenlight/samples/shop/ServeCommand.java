package dev.greenlight.samples.shop;

import dev.greenlight.samples.shop.server.ShopConfig;
import dev.greenlight.samples.shop.server.ShopServer;
import dev.greenlight.samples.shop.session.SessionMode;
import dev.greenlight.samples.shop.store.ConnectionPool;
import dev.greenlight.samples.shop.store.Release;
import java.util.concurrent.Callable;
import org.apache.tomcat.jdbc.pool.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shop serve --release 1|2 --slot blue --port 8081 --jdbc-url … [--sessions shared]}. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve one release of the shop until the process is stopped.")
final class ServeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--release", required = true, paramLabel = "1|2", description = "the code to run")
  String release;

  @Option(
      names = "--slot",
      paramLabel = "SLOT",
      defaultValue = "${env:GREENLIGHT_SLOT:-local}",
      description = "the slot served, reported in X-Slot (default: $GREENLIGHT_SLOT or local)")
  String slot;

  @Option(names = "--port", defaultValue = "8080", description = "port, 0 for any (default: 8080)")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      description = "address (default: 127.0.0.1)")
  String bind;

  @Option(
      names = "--instance",
      paramLabel = "NAME",
      description = "instance name in X-Instance (default: shop-<slot>-<pid>)")
  String instance;

  @Option(
      names = "--sessions",
      paramLabel = "memory|shared",
      defaultValue = "memory",
      description = "where HTTP sessions live (default: memory)")
  String sessions;

  @Option(names = "--max-connections", defaultValue = "20", description = "pool size (default: 20)")
  int maxConnections;

  @Mixin DatabaseOptions database = new DatabaseOptions();

  @Override
  public Integer call() {
    Release r;
    SessionMode mode;
    try {
      r = Release.parse(release);
      mode = SessionMode.parse(sessions);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("shop serve: " + e.getMessage());
      return 2;
    }
    if (database.jdbcUrl == null || database.jdbcUrl.isBlank()) {
      spec.commandLine().getErr().println("shop serve: --jdbc-url (or SHOP_JDBC_URL) is required");
      return 2;
    }
    String name =
        instance != null ? instance : "shop-" + slot + "-" + ProcessHandle.current().pid();
    DataSource pool =
        ConnectionPool.open(database.jdbcUrl, database.user, database.password, maxConnections);
    ShopServer server;
    try {
      server = ShopServer.start(new ShopConfig(r, slot, name, bind, port, mode), pool);
    } catch (RuntimeException e) {
      pool.close();
      spec.commandLine().getErr().println("shop serve: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  pool.close();
                },
                "shop-stop"));
    spec.commandLine()
        .getOut()
        .printf(
            "shop release %s serving slot %s on %s (sessions: %s, instance %s)%n",
            r.label(), slot, server.baseUrl(), mode.label(), name);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
