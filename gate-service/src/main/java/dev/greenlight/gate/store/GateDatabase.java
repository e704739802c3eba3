package dev.greenlight.gate.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;

/**
 * Opens the gate's database: an embedded PostgreSQL whose data lives in a folder (durable: fsync
 * and synchronous_commit on), or any server by JDBC URL. Either way the schema is brought up to
 * date by Flyway before the store is used.
 */
public final class GateDatabase {
  /** The schema that holds the gate's tables, so a shared database stays tidy. */
  public static final String SCHEMA = "greenlight_gate";

  private static final Logger LOG = Logger.getLogger(GateDatabase.class.getName());

  private GateDatabase() {}

  /** Starts (or restarts) the embedded server on {@code dataDir} and opens the store on it. */
  public static PostgresGateStore embedded(Path dataDir, int poolSize) throws IOException {
    Files.createDirectories(dataDir);
    stopLeftoverPostmaster(dataDir);
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("max_connections", "100")
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
    String url = pg.getJdbcUrl("postgres", "postgres");
    HikariDataSource ds;
    try {
      ds = pool(url, poolSize);
      requireDurable(ds);
      migrate(ds);
    } catch (RuntimeException | SQLException e) {
      pg.close();
      throw new IOException("could not prepare the embedded database: " + e.getMessage(), e);
    }
    return new PostgresGateStore(
        ds,
        () -> {
          ds.close();
          pg.close();
        },
        250);
  }

  /** Opens the store on an existing server; the URL may carry user and password parameters. */
  public static PostgresGateStore external(String jdbcUrl, int poolSize) throws SQLException {
    HikariDataSource ds = pool(jdbcUrl, poolSize);
    try {
      migrate(ds);
    } catch (RuntimeException e) {
      ds.close();
      throw new SQLException("could not migrate the gate schema: " + e.getMessage(), e);
    }
    return new PostgresGateStore(ds, ds::close, 250);
  }

  private static HikariDataSource pool(String url, int poolSize) {
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(url);
    c.setMaximumPoolSize(poolSize);
    c.setPoolName("greenlight-gate");
    c.setSchema(SCHEMA);
    c.setConnectionTimeout(10_000);
    c.setInitializationFailTimeout(30_000);
    c.addDataSourceProperty("ApplicationName", "greenlight-gate");
    c.addDataSourceProperty("prepareThreshold", "1");
    return new HikariDataSource(c);
  }

  static void migrate(javax.sql.DataSource ds) {
    Flyway.configure()
        .dataSource(ds)
        .schemas(SCHEMA)
        .createSchemas(true)
        .locations("classpath:dev/greenlight/gate/store/migration")
        .load()
        .migrate();
  }

  /** The library passes {@code -F} (fsync off); the gate's own settings must have won. */
  private static void requireDurable(javax.sql.DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (String setting : List.of("fsync", "synchronous_commit")) {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
          rs.next();
          if (!"on".equals(rs.getString(1))) {
            throw new SQLException(setting + " is " + rs.getString(1) + "; the gate needs it on");
          }
        }
      }
    }
  }

  /**
   * A gate killed with SIGKILL leaves its postmaster running on the data folder; stop it (fast
   * shutdown: its clients are gone) so this gate can start its own.
   */
  static void stopLeftoverPostmaster(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return;
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (handle.isEmpty()) {
      return;
    }
    String command = handle.get().info().command().orElse("");
    if (!command.endsWith("postgres")) {
      // the pid was reused by an unrelated process; PostgreSQL refuses to start over a live pid
      LOG.warning(
          "postmaster.pid names pid "
              + pid
              + " ("
              + command
              + "), not a postgres; removing the stale file");
      Files.delete(pidFile);
      return;
    }
    LOG.warning(
        "stopping postmaster " + pid + " left behind on " + dataDir + " by a previous gate");
    try {
      new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (handle.get().isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the leftover postmaster", e);
    }
    if (handle.get().isAlive()) {
      throw new IOException(
          "the postmaster (pid " + pid + ") left on " + dataDir + " did not stop within 60s");
    }
  }
}
