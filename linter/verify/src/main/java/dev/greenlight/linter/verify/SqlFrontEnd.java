package dev.greenlight.linter.verify;

import dev.greenlight.linter.flyway.FlywaySettings;
import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.verify.apply.PendingMigration;
import dev.greenlight.linter.verify.compat.CapturedQuery;
import dev.greenlight.linter.verify.select.MigrationFile;
import java.nio.file.Path;
import java.util.List;

/** What verify needs from the linter's SQL front end: discovery, splitting, transactions. */
interface SqlFrontEnd {
  /** The Flyway migrations under the given files and folders. */
  List<MigrationFile> discover(List<Path> paths, Path workingDirectory);

  /** A migration cut into statements with Flyway's transaction structure. */
  PendingMigration read(MigrationFile file);

  /**
   * The findings with inline {@code -- greenlight:ignore <rule-id> reason: …} comments of the
   * migrations read so far applied (suppressed findings stay, marked).
   */
  List<Finding> applySuppressions(List<Finding> findings);

  /** Flyway's settings as read from flyway.conf / flyway.toml during {@link #discover}. */
  FlywaySettings flywaySettings();

  /** A query file cut into statements. */
  List<CapturedQuery> readQueries(Path file, String displayPath);
}
