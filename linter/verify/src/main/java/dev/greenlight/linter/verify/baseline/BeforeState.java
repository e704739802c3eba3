package dev.greenlight.linter.verify.baseline;

import dev.greenlight.linter.flyway.FlywaySettings;
import dev.greenlight.linter.verify.error.VerifyException;
import dev.greenlight.linter.verify.select.MigrationFile;
import dev.greenlight.linter.verify.server.ScratchDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the migrations the running release already has with flyway-core, exactly as the team's
 * Flyway did: the files (and their {@code .sql.conf}) are copied into one folder that becomes the
 * only location, so pending files and unrelated SQL next to them stay out.
 */
public final class BeforeState {
  private BeforeState() {}

  /** Migrates the scratch database; returns how many migrations Flyway applied. */
  public static int build(
      ScratchDatabase db, List<MigrationFile> applied, FlywaySettings settings) {
    if (applied.isEmpty()) {
      return 0;
    }
    Path folder = null;
    try {
      folder = Files.createTempDirectory("greenlight-verify-before-");
      for (MigrationFile m : applied) {
        Files.copy(m.file(), folder.resolve(m.file().getFileName()));
        if (m.configFile() != null && Files.isRegularFile(m.configFile())) {
          Files.copy(m.configFile(), folder.resolve(m.configFile().getFileName()));
        }
      }
      MigrateResult result =
          Flyway.configure()
              .loggers("slf4j")
              .dataSource(db.jdbcUrl(), db.user(), db.password())
              .locations("filesystem:" + folder)
              .sqlMigrationPrefix(settings.sqlMigrationPrefix())
              .repeatableSqlMigrationPrefix(settings.repeatableSqlMigrationPrefix())
              .sqlMigrationSeparator(settings.sqlMigrationSeparator())
              .sqlMigrationSuffixes(settings.sqlMigrationSuffixes().toArray(new String[0]))
              .placeholders(settings.placeholders())
              .placeholderReplacement(settings.placeholderReplacement())
              .defaultSchema(settings.defaultSchema())
              .mixed(true)
              // A --scratch-ok database may hold objects already: record a baseline below V1.
              .baselineOnMigrate(true)
              .baselineVersion("0")
              .cleanDisabled(true)
              .load()
              .migrate();
      return result.migrationsExecuted;
    } catch (FlywayException e) {
      throw new VerifyException(
          "the running release's migrations (the before-state) do not apply with Flyway: "
              + firstLines(e.getMessage()),
          e);
    } catch (IOException e) {
      throw new VerifyException("could not stage the before-state migrations: " + e, e);
    } finally {
      deleteQuietly(folder);
    }
  }

  private static String firstLines(String message) {
    if (message == null) {
      return "unknown error";
    }
    String trimmed = message.strip();
    return trimmed.length() > 600 ? trimmed.substring(0, 600) + "..." : trimmed;
  }

  private static void deleteQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder left behind is harmless
    }
  }
}
