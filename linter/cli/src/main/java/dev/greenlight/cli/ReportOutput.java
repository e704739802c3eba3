package dev.greenlight.cli;

import dev.greenlight.linter.engine.format.Format;
import dev.greenlight.linter.engine.format.RenderOptions;
import dev.greenlight.linter.report.Report;
import dev.greenlight.linter.report.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code lint} and {@code verify} share once the analysis is done: the output format, the fail
 * level, colours, and writing the report to stdout or a file.
 */
final class ReportOutput {
  private ReportOutput() {}

  /** {@code --format}, or the CI's natural one (GitHub Actions) when none is given. */
  static Format chooseFormat(String format, CliEnvironment env, CommandSpec spec) {
    if (format == null) {
      return Format.defaultFor(env.variable("GITHUB_ACTIONS"));
    }
    Format parsed = Format.parse(format);
    if (parsed == null) {
      String valid =
          Arrays.stream(Format.values()).map(Format::id).collect(Collectors.joining(", "));
      throw usage(spec, "unknown --format '" + format + "' (use one of " + valid + ")");
    }
    return parsed;
  }

  /** {@code --fail-on}, or {@code fallback} when not given. */
  static Severity parseFailOn(String failOn, Severity fallback, CommandSpec spec) {
    if (failOn == null) {
      return fallback;
    }
    Severity level = Severity.parse(failOn);
    if (level == null || level == Severity.OFF) {
      throw usage(spec, "unknown --fail-on '" + failOn + "' (use error, warning or info)");
    }
    return level;
  }

  /** Colours only for text on a terminal, and never when NO_COLOR or --no-color says so. */
  static boolean color(Format chosen, Path output, boolean noColor, CliEnvironment env) {
    return chosen == Format.TEXT
        && output == null
        && !noColor
        && env.stdoutIsTerminal()
        && env.variable("NO_COLOR") == null;
  }

  /** Writes the report to stdout, or to {@code output} (resolved already) when given. */
  static void write(
      Report report,
      Format chosen,
      RenderOptions render,
      Path output,
      Path resolvedOutput,
      CommandSpec spec) {
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      // One write of the whole report, encoded once: far cheaper than many small writes through
      // the writer's encoder.
      String text = chosen.renderer().renderToString(report, render);
      if (out instanceof Utf8Writer utf8) {
        utf8.writeWhole(text);
      } else {
        out.write(text);
        out.flush();
      }
      return;
    }
    try {
      if (resolvedOutput.getParent() != null) {
        Files.createDirectories(resolvedOutput.getParent());
      }
      try (Writer writer = Files.newBufferedWriter(resolvedOutput, StandardCharsets.UTF_8)) {
        chosen.renderer().render(report, render, writer);
      }
    } catch (IOException e) {
      throw new ExitException(
          ExitCodes.USAGE, output + ": cannot write the report: " + e.getMessage());
    }
  }

  private static CommandLine.ParameterException usage(CommandSpec spec, String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
