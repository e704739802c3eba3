package dev.greenlight.cli;

import dev.greenlight.linter.engine.RuleDocs;
import dev.greenlight.linter.engine.config.ConfigException;
import dev.greenlight.linter.engine.config.ConfigLoader;
import dev.greenlight.linter.engine.config.GreenlightConfig;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options {@code lint} and {@code verify} share: the configuration file, the output format and
 * file, the fail level and colours (a picocli mixin, so both commands spell them alike).
 */
final class ReportOptions {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "text, json, sarif, github, gitlab or junit (default: github inside GitHub Actions,"
              + " text elsewhere).")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE.")
  Path output;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description =
          "Exit 1 on findings at or above: error, warning or info (default: greenlight.toml's"
              + " fail-on, else error).")
  String failOn;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "greenlight.toml to use (default: the nearest one above the working directory).")
  Path config;

  @Option(names = "--no-color", description = "No colours in text output.")
  boolean noColor;

  /** {@code --config}, or the nearest {@code greenlight.toml}; a bad file is a usage error. */
  GreenlightConfig loadConfig(CliEnvironment env) {
    try {
      return new ConfigLoader(RuleDocs.ruleIds(), RuleDocs::nearestId)
          .load(Optional.ofNullable(config).map(env::resolve), env.workingDirectory());
    } catch (ConfigException e) {
      throw new ExitException(ExitCodes.USAGE, e.getMessage());
    }
  }

  /** {@code --output} resolved against the working directory; null for stdout. */
  Path resolvedOutput(CliEnvironment env) {
    return output == null ? null : env.resolve(output);
  }
}
