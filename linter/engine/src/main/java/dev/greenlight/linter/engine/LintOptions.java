package dev.greenlight.linter.engine;

import dev.greenlight.linter.engine.config.GreenlightConfig;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.RuleOptions;
import dev.greenlight.linter.rules.spi.RunnerMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one lint run needs: what to read, how to analyse it, how to treat suppressions. Built
 * from {@code greenlight.toml} with command-line flags layered on top.
 *
 * @param paths migration files or folders, absolute or relative to the working directory; empty
 *     means the configured Flyway locations
 * @param workingDirectory where relative paths start; reported paths are relative to it
 * @param severities per-rule severity from the configuration
 * @param since the git ref of {@code --since}, when given
 */
public record LintOptions(
    List<Path> paths,
    Path workingDirectory,
    int pgVersion,
    Severity failOn,
    RunnerMode runner,
    boolean runnerSetsLockTimeout,
    boolean requireSuppressionReason,
    String helpBaseUrl,
    Map<String, Severity> severities,
    Optional<String> since,
    GreenlightConfig.FlywaySection flyway) {

  public LintOptions {
    paths = List.copyOf(paths);
    workingDirectory = workingDirectory.toAbsolutePath().normalize();
    severities = Map.copyOf(severities);
    helpBaseUrl = helpBaseUrl == null ? "" : helpBaseUrl;
  }

  /**
   * The options of a configuration with command-line overrides ({@code null} when a flag was not
   * given).
   */
  public static LintOptions of(
      GreenlightConfig config,
      Path workingDirectory,
      List<Path> paths,
      Integer pgVersionFlag,
      Severity failOnFlag,
      String sinceFlag) {
    return new LintOptions(
        paths,
        workingDirectory,
        pgVersionFlag != null
            ? pgVersionFlag
            : config.pgVersion().orElse(RuleOptions.DEFAULT_PG_VERSION),
        failOnFlag != null ? failOnFlag : config.failOn().orElse(Severity.ERROR),
        config.runner().orElse(RunnerMode.FLYWAY),
        config.runnerSetsLockTimeout().orElse(false),
        config.requireSuppressionReason().orElse(true),
        config.helpBaseUrl().orElse(""),
        config.ruleSeverities(),
        Optional.ofNullable(sinceFlag),
        config.flyway());
  }

  /** Defaults for {@code paths} in {@code workingDirectory}, without a configuration file. */
  public static LintOptions defaults(Path workingDirectory, List<Path> paths) {
    return of(GreenlightConfig.empty(), workingDirectory, paths, null, null, null);
  }

  public LintOptions withSince(String ref) {
    return new LintOptions(
        paths,
        workingDirectory,
        pgVersion,
        failOn,
        runner,
        runnerSetsLockTimeout,
        requireSuppressionReason,
        helpBaseUrl,
        severities,
        Optional.ofNullable(ref),
        flyway);
  }
}
