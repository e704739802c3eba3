package dev.greenlight.linter.verify.server;

import dev.greenlight.linter.verify.error.VerifyException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** An embedded PostgreSQL server of one major, started for a single verify run. */
public final class EmbeddedScratch implements AutoCloseable {
  private static final String DATABASE = "greenlight_verify";

  private final EmbeddedPostgres server;
  private final ScratchDatabase database;
  private final Path keptDataDirectory;

  private EmbeddedScratch(EmbeddedPostgres server, ScratchDatabase database, Path kept) {
    this.server = server;
    this.database = database;
    this.keptDataDirectory = kept;
  }

  /**
   * Starts a server of the given major with an empty database {@value #DATABASE}.
   *
   * @param keepData keep the data directory after {@link #close()} (for {@code --keep})
   */
  public static EmbeddedScratch start(PostgresBinaries binaries, int major, boolean keepData) {
    PgBinaryResolver resolver = binaries.resolverFor(major);
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("max_connections", "20")
              .setServerConfig("log_min_messages", "fatal");
      if (resolver != null) {
        builder.setPgBinaryResolver(resolver);
      }
      Path kept = null;
      if (keepData) {
        kept = Files.createTempDirectory("greenlight-verify-pg" + major + "-");
        builder.setDataDirectory(kept).setCleanDataDirectory(false);
      }
      EmbeddedPostgres pg = builder.start();
      try (Connection c = pg.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + DATABASE);
      }
      ScratchDatabase db =
          new ScratchDatabase(
              pg.getJdbcUrl("postgres", DATABASE),
              "postgres",
              null,
              "embedded PostgreSQL " + major + " on port " + pg.getPort());
      return new EmbeddedScratch(pg, db, kept);
    } catch (IOException | SQLException e) {
      throw new VerifyException(
          "Could not start an embedded PostgreSQL " + major + ": " + e.getMessage(), e);
    }
  }

  public ScratchDatabase database() {
    return database;
  }

  /** The data directory left behind for {@code --keep}, or null. */
  public Path keptDataDirectory() {
    return keptDataDirectory;
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new VerifyException("Could not stop the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }
}
