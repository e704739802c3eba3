package dev.greenlight.cli;

import dev.greenlight.linter.engine.LintException;
import dev.greenlight.linter.engine.LintOptions;
import dev.greenlight.linter.engine.Linter;
import dev.greenlight.linter.engine.RuleDocs;
import dev.greenlight.linter.engine.config.GreenlightConfig;
import dev.greenlight.linter.engine.format.Format;
import dev.greenlight.linter.engine.format.RenderOptions;
import dev.greenlight.linter.engine.upload.ReportUpload;
import dev.greenlight.linter.report.Report;
import dev.greenlight.linter.report.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code greenlight lint [paths…]}: lints migrations and writes the report. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Lint PostgreSQL migration files or folders (Flyway layout understood).",
      "Exit codes: 0 nothing at or above the fail level, 1 findings at or above it,"
          + " 2 usage, configuration or I/O error."
    })
public final class LintCommand implements Callable<Integer> {
  private static final int PROGRESS_THRESHOLD = 500;

  private final CliEnvironment env;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Migration files or folders (default: the configured Flyway locations).")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--pg-version",
      paramLabel = "N",
      description = "PostgreSQL major version the migrations run on, 11–18 (default: 17).")
  Integer pgVersion;

  @Option(
      names = "--since",
      paramLabel = "GIT-REF",
      description =
          "Lint only migrations added or changed since the ref; check that applied ones are"
              + " unchanged and new versions are higher.")
  String since;

  @Option(
      names = "--upload",
      paramLabel = "URL",
      description =
          "Also PUT the JSON report to the gate, e.g."
              + " http://gate:8470/v1/apps/shop/releases/1.4.2/lint-report (token from"
              + " GREENLIGHT_TOKEN).")
  String upload;

  @CommandLine.Mixin ReportOptions reporting = new ReportOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  LintCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Format chosen = ReportOutput.chooseFormat(reporting.format, env, spec);
    Severity failLevel = ReportOutput.parseFailOn(reporting.failOn, null, spec);
    if (pgVersion != null && (pgVersion < 11 || pgVersion > 18)) {
      throw usage("--pg-version " + pgVersion + " is not supported (use 11–18)");
    }
    GreenlightConfig settings = reporting.loadConfig(env);
    List<Path> resolved = paths.stream().map(env::resolve).collect(Collectors.toList());
    LintOptions options =
        LintOptions.of(settings, env.workingDirectory(), resolved, pgVersion, failLevel, since);

    Progress progress = new Progress(spec.commandLine().getErr(), env.stderrIsTerminal());
    Report report;
    try {
      report = new Linter().lint(options, progress);
    } catch (LintException e) {
      throw new ExitException(ExitCodes.USAGE, e.getMessage());
    } finally {
      progress.finish();
    }

    boolean color = ReportOutput.color(chosen, reporting.output, reporting.noColor, env);
    RenderOptions render =
        RenderOptions.defaults()
            .withColor(color)
            .withHelpBaseUrl(options.helpBaseUrl())
            .withFailOn(options.failOn())
            .withSources(
                path -> RenderOptions.readSource(env.workingDirectory().resolve(path).toString()))
            .withRuleDocs(RuleDocs::find);
    long writing = System.nanoTime();
    ReportOutput.write(
        report, chosen, render, reporting.output, reporting.resolvedOutput(env), spec);
    if (env.variable("GREENLIGHT_TIMING") != null) {
      spec.commandLine()
          .getErr()
          .printf(
              "greenlight timing: %s output %d ms%n",
              chosen.id(), (System.nanoTime() - writing) / 1_000_000);
    }
    if (upload != null) {
      try {
        ReportUpload.put(upload, env.variable("GREENLIGHT_TOKEN"), report);
      } catch (ReportUpload.UploadException e) {
        throw new ExitException(ExitCodes.USAGE, e.getMessage());
      }
    }
    return report.failsAt(options.failOn()) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  /** A one-line progress bar on stderr, only for a terminal and more than 500 files. */
  static final class Progress implements dev.greenlight.linter.engine.ProgressListener {
    private final PrintWriter err;
    private final boolean terminal;
    private int lastPercent = -1;
    private boolean drawn;

    Progress(PrintWriter err, boolean terminal) {
      this.err = err;
      this.terminal = terminal;
    }

    @Override
    public synchronized void filesDone(int done, int total) {
      if (!terminal || total <= PROGRESS_THRESHOLD) {
        return;
      }
      int percent = (int) (100L * done / total);
      if (percent == lastPercent) {
        return;
      }
      lastPercent = percent;
      int filled = percent * 30 / 100;
      err.print(
          "\r["
              + "#".repeat(filled)
              + " ".repeat(30 - filled)
              + "] "
              + done
              + "/"
              + total
              + (done < total ? " files read" : " files read, analysing"));
      err.flush();
      drawn = true;
    }

    synchronized void finish() {
      if (drawn) {
        err.print("\r" + " ".repeat(72) + "\r");
        err.flush();
      }
    }
  }
}
