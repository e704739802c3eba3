package dev.greenlight.samples.shop.migration;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/** Applies a {@link MigrationPath} to a database with Flyway. */
public final class Migrations {
  private Migrations() {}

  /**
   * Migrates to the end of the path (or to {@code targetVersion} when not null) and returns the
   * versions applied by this call, in order.
   */
  public static List<String> apply(
      DataSource dataSource, MigrationPath path, String targetVersion) {
    var config =
        Flyway.configure()
            .dataSource(dataSource)
            .locations(path.folders().stream().map(f -> "classpath:" + f).toArray(String[]::new))
            .cleanDisabled(true);
    // Flyway's default lock is an advisory lock held in an open transaction for the whole run;
    // CREATE INDEX CONCURRENTLY waits for every open transaction, so it would wait forever. A
    // session-level advisory lock keeps migrations exclusive without that.
    config
        .getConfigurationExtension(PostgreSQLConfigurationExtension.class)
        .setTransactionalLock(false);
    if (targetVersion != null) {
      config.target(targetVersion);
    }
    MigrateResult result = config.load().migrate();
    return result.migrations.stream().map(m -> m.version).toList();
  }
}
