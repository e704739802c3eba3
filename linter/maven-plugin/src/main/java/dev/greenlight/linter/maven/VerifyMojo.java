package dev.greenlight.linter.maven;

import dev.greenlight.linter.engine.RuleDocs;
import dev.greenlight.linter.engine.format.RenderOptions;
import dev.greenlight.linter.maven.incremental.Fingerprint;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.verify.Verifier;
import dev.greenlight.linter.verify.VerifyOptions;
import dev.greenlight.linter.verify.VerifyOutcome;
import dev.greenlight.linter.verify.error.VerifyException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code greenlight:verify}: applies the pending migrations to a scratch PostgreSQL (embedded by
 * default) filled with rows, and reports blocking locks, rewrites, failures and queries of the
 * running release that stop working — the same Verifier and report as {@code greenlight verify}.
 * Not bound to a phase: it starts a database, so a build asks for it.
 */
@Mojo(name = "verify", threadSafe = true)
public final class VerifyMojo extends GreenlightMojo {
  /** Migrations up to this version are the running release's state; later ones are pending. */
  @Parameter(property = "greenlight.fromVersion")
  String fromVersion;

  /** Synthetic rows per existing table. */
  @Parameter(property = "greenlight.rows", defaultValue = "10000")
  long rows = VerifyOptions.DEFAULT_ROWS;

  /** The running release's SQL ({@code $1} parameters, ';'-separated): each must still prepare. */
  @Parameter(property = "greenlight.oldQueries")
  File oldQueries;

  /** The new release's SQL: reported when it needs a pending migration. */
  @Parameter(property = "greenlight.newQueries")
  File newQueries;

  /** An empty scratch database to use instead of an embedded server. Never production. */
  @Parameter(property = "greenlight.jdbcUrl")
  String jdbcUrl;

  /** Allows a {@code jdbcUrl} database that is not empty (it will be changed). */
  @Parameter(property = "greenlight.scratchOk", defaultValue = "false")
  boolean scratchOk;

  @Override
  protected String goal() {
    return "verify";
  }

  @Override
  protected Analysis analyse(Inputs in) throws MojoExecutionException {
    if (rows < 0) {
      throw new MojoExecutionException("rows: " + rows + " must be 0 or more");
    }
    if (fromVersion != null && in.since() != null) {
      throw new MojoExecutionException("fromVersion, since: give one of them, not both");
    }
    Integer pg = in.pgVersion() != null ? in.pgVersion() : in.config().pgVersion().orElse(null);
    Severity failLevel =
        in.failOn() != null ? in.failOn() : in.config().failOn().orElse(Severity.ERROR);
    VerifyOutcome outcome;
    try {
      VerifyOptions options =
          VerifyOptions.of(in.basedir(), in.folders())
              .withFromVersion(fromVersion)
              .withSince(in.since())
              .withRows(rows)
              .withQueries(resolve(in.basedir(), oldQueries), resolve(in.basedir(), newQueries))
              .withPgVersion(pg)
              .withJdbcUrl(jdbcUrl, scratchOk)
              .withKeep(false);
      quietLibraryLogging();
      outcome = Verifier.standard().run(options);
    } catch (VerifyException e) {
      throw new MojoExecutionException("Greenlight verify: " + e.getMessage());
    }
    RenderOptions render =
        RenderOptions.defaults()
            .withHelpBaseUrl(in.config().helpBaseUrl().orElse(""))
            .withFailOn(failLevel)
            .withSources(path -> RenderOptions.readSource(in.basedir().resolve(path).toString()))
            .withRuleDocs(RuleDocs::find);
    return new Analysis(outcome.report(), failLevel, render, outcome.notes());
  }

  /**
   * Flyway and the embedded server log through SLF4J, which Maven prints at INFO: their start-up
   * chatter would bury the findings, so their loggers are kept to warnings unless the user set a
   * level ({@code -Dorg.slf4j.simpleLogger.log.org.flywaydb=info}).
   */
  private static void quietLibraryLogging() {
    for (String logger : List.of("org.flywaydb", "io.zonky")) {
      String key = "org.slf4j.simpleLogger.log." + logger;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "warn");
      }
    }
  }

  private static Path resolve(Path basedir, File file) {
    return file == null ? null : basedir.resolve(file.toPath()).normalize();
  }

  @Override
  protected void fingerprintExtras(Fingerprint.Builder fingerprint) throws IOException {
    fingerprint
        .value("since", since)
        .value("fromVersion", fromVersion)
        .value("rows", rows)
        .secret("jdbcUrl", jdbcUrl)
        .value("scratchOk", scratchOk);
    if (oldQueries != null) {
      fingerprint.file("oldQueries", oldQueries.toPath());
    }
    if (newQueries != null) {
      fingerprint.file("newQueries", newQueries.toPath());
    }
  }
}
