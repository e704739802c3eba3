package dev.greenlight.linter.engine;

import dev.greenlight.linter.engine.suppress.Region;
import dev.greenlight.linter.engine.suppress.SuppressionComments.SourceComment;
import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.MigrationInfo;
import java.util.List;

/**
 * One linted migration before configuration and suppressions are applied.
 *
 * @param migration the report's entry for the file
 * @param findings the rules' raw findings in this file (default severities)
 * @param comments the file's comments, for suppression directives
 * @param statements every statement's region, in text order
 * @param unparsed statements the front end could not analyze, with the reason for each
 */
public record LintedFile(
    MigrationInfo migration,
    List<Finding> findings,
    List<SourceComment> comments,
    List<Region> statements,
    List<Unparsed> unparsed) {

  public LintedFile {
    findings = List.copyOf(findings);
    comments = List.copyOf(comments);
    statements = List.copyOf(statements);
    unparsed = List.copyOf(unparsed);
  }

  /** A statement the front end could not analyze, and why. */
  public record Unparsed(Region region, String reason) {}

  public String path() {
    return migration.path();
  }
}
