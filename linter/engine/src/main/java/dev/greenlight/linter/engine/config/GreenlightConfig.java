package dev.greenlight.linter.engine.config;

import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.RunnerMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of a {@code greenlight.toml}; every field is empty when the file does not set it, so
 * command-line flags and defaults can be layered on top.
 *
 * @param file where the settings came from; empty for the built-in defaults
 * @param ruleSeverities {@code [rules.<id>] severity}, keyed by rule id
 * @param flyway the {@code [flyway]} table
 */
public record GreenlightConfig(
    Optional<Path> file,
    Optional<Integer> pgVersion,
    Optional<Severity> failOn,
    Optional<RunnerMode> runner,
    Optional<Boolean> runnerSetsLockTimeout,
    Optional<Boolean> requireSuppressionReason,
    Optional<String> helpBaseUrl,
    Map<String, Severity> ruleSeverities,
    FlywaySection flyway) {

  public GreenlightConfig {
    ruleSeverities = Map.copyOf(ruleSeverities);
  }

  /** No file: everything at its default. */
  public static GreenlightConfig empty() {
    return new GreenlightConfig(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        FlywaySection.EMPTY);
  }

  /**
   * The {@code [flyway]} table: where migrations live and how they are named, with the same meaning
   * as Flyway's settings of the same names.
   *
   * @param locations folders, resolved against the configuration file's folder
   * @param naming naming settings by Flyway's name, e.g. {@code sqlMigrationPrefix → "V"}
   * @param placeholders {@code [flyway.placeholders]}
   */
  public record FlywaySection(
      List<Path> locations, Map<String, String> naming, Map<String, String> placeholders) {
    public static final FlywaySection EMPTY = new FlywaySection(List.of(), Map.of(), Map.of());

    public FlywaySection {
      locations = List.copyOf(locations);
      naming = Map.copyOf(naming);
      placeholders = Map.copyOf(placeholders);
    }
  }
}
