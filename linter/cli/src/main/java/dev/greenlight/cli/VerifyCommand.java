package dev.greenlight.cli;

import dev.greenlight.linter.engine.ReportAssembler;
import dev.greenlight.linter.engine.RuleDocs;
import dev.greenlight.linter.engine.config.GreenlightConfig;
import dev.greenlight.linter.engine.format.Format;
import dev.greenlight.linter.engine.format.RenderOptions;
import dev.greenlight.linter.engine.upload.ReportUpload;
import dev.greenlight.linter.report.Report;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.verify.Verifier;
import dev.greenlight.linter.verify.VerifyOptions;
import dev.greenlight.linter.verify.VerifyOutcome;
import dev.greenlight.linter.verify.error.VerifyException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code greenlight verify [paths…]}: applies pending migrations to a scratch PostgreSQL, observes
 * locks, rewrites and failures, checks the releases' queries, and writes the report like lint.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Apply pending migrations to a scratch PostgreSQL (embedded by default) filled with rows,"
          + " and report locks that block traffic, table rewrites, failures, and queries of the"
          + " running release that stop working.",
      "Exit codes: 0 nothing at or above the fail level, 1 findings at or above it,"
          + " 2 usage, configuration or I/O error."
    })
public final class VerifyCommand implements Callable<Integer> {
  private static final Path DEFAULT_LOCATION =
      Path.of("src", "main", "resources", "db", "migration");

  private final CliEnvironment env;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Migration files or folders (default: src/main/resources/db/migration).")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--jdbc-url",
      paramLabel = "URL",
      description =
          "Use this empty scratch database instead of an embedded server (credentials as URL"
              + " parameters). Never point it at production.")
  String jdbcUrl;

  @Option(
      names = "--scratch-ok",
      description = "Allow a --jdbc-url database that is not empty (it will be changed).")
  boolean scratchOk;

  @Option(
      names = "--from-version",
      paramLabel = "V",
      description = "Migrations up to V are the running release's state; later ones are pending.")
  String fromVersion;

  @Option(
      names = "--since",
      paramLabel = "GIT-REF",
      description = "Migrations added since the git ref are pending.")
  String since;

  @Option(
      names = "--rows",
      paramLabel = "N",
      description = "Synthetic rows per existing table (default: 10000).")
  long rows = VerifyOptions.DEFAULT_ROWS;

  @Option(
      names = "--old-queries",
      paramLabel = "FILE.sql",
      description =
          "The running release's SQL ($1 parameters, ';'-separated): each must still prepare"
              + " after the pending migrations.")
  Path oldQueries;

  @Option(
      names = "--new-queries",
      paramLabel = "FILE.sql",
      description =
          "The new release's SQL: reported when it needs a pending migration (switching back"
              + " would break it).")
  Path newQueries;

  @Option(
      names = "--pg-version",
      paramLabel = "N",
      description = "PostgreSQL major of the embedded server: 14, 16 or 17 (default: 17).")
  Integer pgVersion;

  @Option(names = "--keep", description = "Keep the migrated scratch database (no rollback).")
  boolean keep;

  @Option(
      names = "--upload",
      paramLabel = "URL",
      description =
          "PUT the JSON report to the gate, e.g."
              + " https://gate/v1/apps/shop/releases/1.4.2/verify-report.")
  String upload;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "Bearer token for --upload (default: $GREENLIGHT_TOKEN).")
  String token;

  @CommandLine.Mixin ReportOptions reporting = new ReportOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** For picocli's default factory: the real process environment. */
  public VerifyCommand() {
    this(CliEnvironment.system());
  }

  VerifyCommand(CliEnvironment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Format chosen = ReportOutput.chooseFormat(reporting.format, env, spec);
    GreenlightConfig settings = reporting.loadConfig(env);
    Severity failLevel =
        ReportOutput.parseFailOn(reporting.failOn, settings.failOn().orElse(Severity.ERROR), spec);
    Integer majorVersion = pgVersion != null ? pgVersion : settings.pgVersion().orElse(null);
    if (rows < 0) {
      throw usage("--rows " + rows + ": must be 0 or more");
    }
    if (fromVersion != null && since != null) {
      throw usage("give either --from-version or --since, not both");
    }
    if (scratchOk && jdbcUrl == null) {
      throw usage("--scratch-ok only applies with --jdbc-url");
    }
    List<Path> resolved = paths.stream().map(env::resolve).collect(Collectors.toList());
    if (resolved.isEmpty()) {
      resolved.addAll(settings.flyway().locations());
    }
    if (resolved.isEmpty()) {
      Path fallback = env.resolve(DEFAULT_LOCATION);
      if (!Files.isDirectory(fallback)) {
        throw usage("give migration files or folders (no " + DEFAULT_LOCATION + " here)");
      }
      resolved.add(fallback);
    }
    for (Path p : resolved) {
      if (!Files.exists(p)) {
        throw new ExitException(ExitCodes.USAGE, p + ": no such file or folder");
      }
    }
    VerifyOptions options =
        VerifyOptions.of(env.workingDirectory(), resolved)
            .withFromVersion(fromVersion)
            .withSince(since)
            .withRows(rows)
            .withQueries(
                oldQueries == null ? null : env.resolve(oldQueries),
                newQueries == null ? null : env.resolve(newQueries))
            .withPgVersion(majorVersion)
            .withJdbcUrl(jdbcUrl, scratchOk)
            .withKeep(keep);

    PrintWriter err = spec.commandLine().getErr();
    VerifyOutcome outcome;
    try {
      outcome = Verifier.standard().run(options);
    } catch (VerifyException e) {
      throw new ExitException(ExitCodes.USAGE, e.getMessage());
    }
    for (String note : outcome.notes()) {
      err.println("greenlight verify: note: " + note);
    }
    Report report = ReportAssembler.withSeverities(outcome.report(), settings.ruleSeverities());
    err.println(
        String.format(
            Locale.ROOT,
            "greenlight verify: %d pending migration(s), %d statement(s) on PostgreSQL %d with %d"
                + " rows per table in %.1f s",
            report.migrations().size(),
            report.summary().statements(),
            report.postgresVersion(),
            rows,
            outcome.elapsed().toMillis() / 1000.0));
    err.flush();

    boolean color = ReportOutput.color(chosen, reporting.output, reporting.noColor, env);
    RenderOptions render =
        RenderOptions.defaults()
            .withColor(color)
            .withFailOn(failLevel)
            .withHelpBaseUrl(settings.helpBaseUrl().orElse(""))
            .withRuleDocs(RuleDocs::find)
            .withSources(
                path -> RenderOptions.readSource(env.workingDirectory().resolve(path).toString()));
    ReportOutput.write(
        report, chosen, render, reporting.output, reporting.resolvedOutput(env), spec);
    if (upload != null) {
      String bearer = token != null ? token : env.variable("GREENLIGHT_TOKEN");
      try {
        int status = ReportUpload.put(upload, bearer, report);
        err.println(
            "greenlight verify: uploaded the report to " + upload + " (HTTP " + status + ")");
      } catch (ReportUpload.UploadException e) {
        throw new ExitException(ExitCodes.USAGE, e.getMessage());
      }
    }
    return report.failsAt(failLevel) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
