package dev.greenlight.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL server of a test JVM, started on first use and stopped at JVM exit.
 *
 * <p>Order of preference: an external server named by {@code GREENLIGHT_TEST_JDBC_URL} (a database
 * URL whose user may create databases, credentials as URL parameters or {@code
 * GREENLIGHT_TEST_JDBC_USER} / {@code GREENLIGHT_TEST_JDBC_PASSWORD}); Testcontainers when a Docker
 * engine answers; else an embedded server from Maven artifacts.
 */
public final class PostgresServer {
  /** Environment variable naming an external server to test against. */
  public static final String JDBC_URL_ENV = "GREENLIGHT_TEST_JDBC_URL";

  private static final Logger LOG = Logger.getLogger(PostgresServer.class.getName());
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static volatile PostgresServer instance;

  private final String kind;
  private final String adminUrl;
  private final String user;
  private final String password;
  private final int serverVersionNum;

  private PostgresServer(String kind, String adminUrl, String user, String password)
      throws SQLException {
    this.kind = kind;
    this.adminUrl = adminUrl;
    this.user = user;
    this.password = password;
    try (Connection c = open(adminUrl);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW server_version_num")) {
      rs.next();
      this.serverVersionNum = Integer.parseInt(rs.getString(1));
    }
    LOG.info(() -> "Greenlight tests use PostgreSQL " + serverVersionNum + " (" + kind + ")");
  }

  /** The shared server, started on first call. */
  public static PostgresServer get() {
    PostgresServer s = instance;
    if (s == null) {
      synchronized (PostgresServer.class) {
        s = instance;
        if (s == null) {
          s = start();
          instance = s;
        }
      }
    }
    return s;
  }

  private static PostgresServer start() {
    try {
      String external = System.getenv(JDBC_URL_ENV);
      if (external != null && !external.isBlank()) {
        return new PostgresServer(
            "external " + JDBC_URL_ENV,
            external,
            System.getenv("GREENLIGHT_TEST_JDBC_USER"),
            System.getenv("GREENLIGHT_TEST_JDBC_PASSWORD"));
      }
      if (dockerAvailable()) {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "greenlight-pg-stop"));
        return new PostgresServer(
            "Testcontainers",
            container.getJdbcUrl(),
            container.getUsername(),
            container.getPassword());
      }
      EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> closeQuietly(pg), "greenlight-pg-stop"));
      return new PostgresServer(
          "embedded, port " + pg.getPort(),
          pg.getJdbcUrl("postgres", "postgres"),
          "postgres",
          null);
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("Could not start a PostgreSQL server for tests: " + e, e);
    }
  }

  private static boolean dockerAvailable() {
    if (Boolean.getBoolean("greenlight.test.noDocker")) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (Throwable t) {
      return false;
    }
  }

  private static void closeQuietly(EmbeddedPostgres pg) {
    try {
      pg.close();
    } catch (IOException ignored) {
      // shutting down anyway
    }
  }

  /** Where the server came from, for logs. */
  public String kind() {
    return kind;
  }

  public int serverVersionNum() {
    return serverVersionNum;
  }

  /** Creates a new empty database whose name starts with the given label. */
  public TestDatabase createDatabase(String label) {
    String name =
        ("gl_" + label.replaceAll("[^A-Za-z0-9]", "_") + "_" + DATABASES.incrementAndGet())
            .toLowerCase(Locale.ROOT);
    if (name.length() > 63) {
      name = name.substring(name.length() - 63);
      if (!Character.isLetter(name.charAt(0))) {
        name = "g" + name.substring(1);
      }
    }
    try (Connection c = open(adminUrl);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS \"" + name + "\"");
      s.execute("CREATE DATABASE \"" + name + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name + ": " + e, e);
    }
    return new TestDatabase(urlFor(name), user, password, name, serverVersionNum);
  }

  /** Drops a database made by {@link #createDatabase}, ending its connections first. */
  public void dropDatabase(TestDatabase db) {
    try (Connection c = open(adminUrl);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS \"" + db.name() + "\" WITH (FORCE)");
    } catch (SQLException e) {
      LOG.warning("Could not drop test database " + db.name() + ": " + e.getMessage());
    }
  }

  private String urlFor(String database) {
    // jdbc:postgresql://host:port/db?params -> same with the new database name
    int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
    int query = adminUrl.indexOf('?', slash);
    String tail = query < 0 ? "" : adminUrl.substring(query);
    return adminUrl.substring(0, slash + 1) + database + tail;
  }

  private Connection open(String url) throws SQLException {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    return DriverManager.getConnection(url, props);
  }
}
