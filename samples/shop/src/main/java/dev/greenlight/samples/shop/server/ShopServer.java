package dev.greenlight.samples.shop.server;

import dev.greenlight.samples.shop.session.PooledDataSourceStore;
import dev.greenlight.samples.shop.session.SessionMode;
import dev.greenlight.samples.shop.store.ShopStore;
import dev.greenlight.samples.shop.web.CartServlet;
import dev.greenlight.samples.shop.web.HealthServlet;
import dev.greenlight.samples.shop.web.NotFoundServlet;
import dev.greenlight.samples.shop.web.OrdersServlet;
import dev.greenlight.samples.shop.web.ProductsServlet;
import dev.greenlight.samples.shop.web.SlotHeadersFilter;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.session.PersistentManager;
import org.apache.catalina.session.StandardManager;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.PersistentValve;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** One running shop: an embedded Tomcat 11 serving one release against the shared database. */
public final class ShopServer implements AutoCloseable {
  private final Tomcat tomcat;
  private final Path baseDir;
  private final ShopConfig config;

  private ShopServer(Tomcat tomcat, Path baseDir, ShopConfig config) {
    this.tomcat = tomcat;
    this.baseDir = baseDir;
    this.config = config;
  }

  /** Starts the shop; the data source is shared by the release's store and the session store. */
  public static ShopServer start(ShopConfig config, DataSource dataSource) {
    Path baseDir;
    try {
      baseDir = Files.createTempDirectory("greenlight-shop-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create Tomcat's base directory", e);
    }
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    Connector connector = new Connector("HTTP/1.1");
    connector.setPort(config.port());
    connector.setProperty("address", config.bind());
    tomcat.getService().addConnector(connector);
    tomcat.setConnector(connector);

    Context context = tomcat.addContext("", baseDir.toString());
    configureSessions(context, config.sessions(), dataSource);

    ShopStore store = config.release().store(dataSource);
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("release", config.release().label());
    identity.put("slot", config.slot());
    identity.put("instance", config.instance());
    identity.put("sessions", config.sessions().label());

    FilterDef headers = new FilterDef();
    headers.setFilterName("slot-headers");
    headers.setFilter(
        new SlotHeadersFilter(config.slot(), config.release().label(), config.instance()));
    context.addFilterDef(headers);
    FilterMap everyPath = new FilterMap();
    everyPath.setFilterName("slot-headers");
    everyPath.addURLPattern("/*");
    context.addFilterMap(everyPath);

    servlet(context, "health", new HealthServlet(store, identity), "/health");
    servlet(context, "products", new ProductsServlet(store), "/products");
    servlet(context, "cart", new CartServlet(store), "/cart", "/cart/*");
    servlet(context, "orders", new OrdersServlet(store), "/orders");
    servlet(context, "not-found", new NotFoundServlet(), "/");

    try {
      tomcat.start();
    } catch (LifecycleException e) {
      deleteQuietly(baseDir);
      throw new IllegalStateException("the shop could not start: " + e.getMessage(), e);
    }
    if (connector.getLocalPort() <= 0) {
      ShopServer failed = new ShopServer(tomcat, baseDir, config);
      failed.close();
      throw new IllegalStateException(
          "the shop could not listen on "
              + config.bind()
              + ":"
              + config.port()
              + " (port in use or address not local?)");
    }
    return new ShopServer(tomcat, baseDir, config);
  }

  private static void configureSessions(Context context, SessionMode mode, DataSource dataSource) {
    if (mode == SessionMode.SHARED) {
      PersistentManager manager = new PersistentManager();
      manager.setStore(new PooledDataSourceStore(dataSource));
      // The valve below already saves after every request; backing up idle sessions at once as
      // well is what marks the manager as shared to Greenlight's agent (and costs little).
      manager.setMaxIdleBackup(0);
      context.setManager(manager);
      // Loads the session from the store before each request and saves it after, so the other
      // slot sees every change at once.
      context.getPipeline().addValve(new PersistentValve());
    } else {
      StandardManager manager = new StandardManager();
      // No SESSIONS.ser on stop: in-memory sessions really end with the JVM.
      manager.setPathname(null);
      context.setManager(manager);
    }
  }

  private static void servlet(Context context, String name, HttpServlet servlet, String... paths) {
    Tomcat.addServlet(context, name, servlet);
    for (String path : paths) {
      context.addServletMappingDecoded(path, name);
    }
  }

  /** The port the shop listens on (the real one when started with port 0). */
  public int port() {
    return tomcat.getConnector().getLocalPort();
  }

  public ShopConfig config() {
    return config;
  }

  /** {@code http://bind:port}. */
  public String baseUrl() {
    String host = config.bind().equals("0.0.0.0") ? "127.0.0.1" : config.bind();
    return "http://" + host + ":" + port();
  }

  @Override
  public void close() {
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      throw new IllegalStateException("the shop did not stop cleanly: " + e.getMessage(), e);
    } finally {
      deleteQuietly(baseDir);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp directory left behind is harmless
    }
  }
}
