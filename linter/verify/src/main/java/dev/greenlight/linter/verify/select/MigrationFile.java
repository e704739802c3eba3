package dev.greenlight.linter.verify.select;

import java.nio.file.Path;
import org.flywaydb.core.api.MigrationVersion;

/**
 * A Flyway migration file found under the given paths.
 *
 * @param file absolute path
 * @param displayPath the path as reports show it
 * @param version the Flyway version, null for a repeatable migration
 * @param configFile the file's {@code .sql.conf} next to it, or null
 */
public record MigrationFile(
    Path file, String displayPath, String version, String description, Path configFile) {

  public boolean repeatable() {
    return version == null;
  }

  /** The version as Flyway orders it. */
  public MigrationVersion flywayVersion() {
    return version == null ? MigrationVersion.EMPTY : MigrationVersion.fromVersion(version);
  }
}
