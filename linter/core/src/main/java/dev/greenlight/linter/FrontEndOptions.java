package dev.greenlight.linter;

import dev.greenlight.linter.flyway.FlywaySettings;
import dev.greenlight.linter.flyway.RunnerMode;
import java.nio.file.Path;
import java.util.Set;

/**
 * What {@link FrontEnd#load} needs to know besides the paths.
 *
 * @param flyway Flyway naming, placeholders, default schema (e.g. from greenlight.toml's {@code
 *     [flyway]})
 * @param runner how the runner wraps files in transactions
 * @param pgVersion the PostgreSQL major version assumed (17 by default)
 * @param baseDirectory paths are displayed relative to it; Flyway locations and config files are
 *     resolved against it
 * @param changedFiles with {@code --since}: the migration files of the change under review (objects
 *     they create are new); null without {@code --since}
 * @param readFlywayConfigFiles whether to apply {@code flyway.conf}/{@code flyway.toml} found in
 *     the base directory (or its {@code conf/}) over {@code flyway}
 * @param progress told after each file is loaded ({@link LoadProgress#NONE} by default)
 */
public record FrontEndOptions(
    FlywaySettings flyway,
    RunnerMode runner,
    int pgVersion,
    Path baseDirectory,
    Set<Path> changedFiles,
    boolean readFlywayConfigFiles,
    LoadProgress progress) {

  /** Flyway defaults, runner {@code flyway}, PostgreSQL 17, the working directory, no --since. */
  public static FrontEndOptions defaults() {
    return new FrontEndOptions(
        FlywaySettings.defaults(),
        RunnerMode.FLYWAY,
        17,
        Path.of("").toAbsolutePath(),
        null,
        true,
        LoadProgress.NONE);
  }

  public FrontEndOptions withFlyway(FlywaySettings v) {
    return new FrontEndOptions(
        v, runner, pgVersion, baseDirectory, changedFiles, readFlywayConfigFiles, progress);
  }

  public FrontEndOptions withRunner(RunnerMode v) {
    return new FrontEndOptions(
        flyway, v, pgVersion, baseDirectory, changedFiles, readFlywayConfigFiles, progress);
  }

  public FrontEndOptions withPgVersion(int v) {
    return new FrontEndOptions(
        flyway, runner, v, baseDirectory, changedFiles, readFlywayConfigFiles, progress);
  }

  public FrontEndOptions withBaseDirectory(Path v) {
    return new FrontEndOptions(
        flyway, runner, pgVersion, v, changedFiles, readFlywayConfigFiles, progress);
  }

  /** Marks the change under review ({@code --since}); paths are compared absolute, normalized. */
  public FrontEndOptions withChangedFiles(Set<Path> v) {
    return new FrontEndOptions(
        flyway, runner, pgVersion, baseDirectory, v, readFlywayConfigFiles, progress);
  }

  public FrontEndOptions withReadFlywayConfigFiles(boolean v) {
    return new FrontEndOptions(flyway, runner, pgVersion, baseDirectory, changedFiles, v, progress);
  }

  /** Hears each loaded file (a progress bar); null means nobody listens. */
  public FrontEndOptions withProgress(LoadProgress v) {
    return new FrontEndOptions(
        flyway,
        runner,
        pgVersion,
        baseDirectory,
        changedFiles,
        readFlywayConfigFiles,
        v == null ? LoadProgress.NONE : v);
  }

  /** Whether a change under review is marked. */
  public boolean sinceMode() {
    return changedFiles != null;
  }
}
