package dev.greenlight.linter.maven;

import dev.greenlight.linter.engine.LintException;
import dev.greenlight.linter.engine.LintOptions;
import dev.greenlight.linter.engine.Linter;
import dev.greenlight.linter.engine.ProgressListener;
import dev.greenlight.linter.engine.RuleDocs;
import dev.greenlight.linter.engine.format.RenderOptions;
import dev.greenlight.linter.maven.incremental.Fingerprint;
import dev.greenlight.linter.report.Report;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code greenlight:lint}: lints the project's migrations with the same engine, rules and
 * greenlight.toml as {@code greenlight lint}, and fails the build when findings reach {@code
 * failOn}.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class LintMojo extends GreenlightMojo {

  @Override
  protected String goal() {
    return "lint";
  }

  @Override
  protected Analysis analyse(Inputs in) throws MojoExecutionException {
    LintOptions options =
        LintOptions.of(
            in.config(), in.basedir(), in.folders(), in.pgVersion(), in.failOn(), in.since());
    Report report;
    try {
      report = new Linter().lint(options, ProgressListener.NONE);
    } catch (LintException e) {
      throw readProblem(e.getMessage());
    }
    RenderOptions render =
        RenderOptions.defaults()
            .withHelpBaseUrl(options.helpBaseUrl())
            .withFailOn(options.failOn())
            .withSources(path -> RenderOptions.readSource(in.basedir().resolve(path).toString()))
            .withRuleDocs(RuleDocs::find);
    return new Analysis(report, options.failOn(), render, List.of());
  }

  /**
   * Broken input stops the build with the engine's {@code path:line:col: what} lines; when there
   * are several, each goes to the log and the failure names how many.
   */
  private MojoExecutionException readProblem(String message) {
    List<String> lines = message.lines().toList();
    if (lines.size() <= 1) {
      return new MojoExecutionException("Greenlight lint: " + message);
    }
    for (String line : lines) {
      getLog().error(line);
    }
    return new MojoExecutionException(
        "Greenlight lint: "
            + lines.size()
            + " problems reading the migrations (listed above), first: "
            + lines.get(0));
  }

  @Override
  protected void fingerprintExtras(Fingerprint.Builder fingerprint) {
    fingerprint.value("since", since);
  }
}
