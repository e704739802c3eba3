package dev.greenlight.linter.maven.output;

import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.Report;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.report.Summary;
import java.util.Locale;

/**
 * The lines a developer reads in the build log: one per finding, {@code path:line:col severity rule
 * message}, and one summary line.
 */
public final class BuildLog {
  private BuildLog() {}

  /** One finding on one line, e.g. {@code db/V2__x.sql:3:1 error ban-drop-column Dropping …}. */
  public static String line(Finding f) {
    return f.path()
        + ":"
        + f.line()
        + ":"
        + f.column()
        + " "
        + f.severity().id()
        + " "
        + f.rule()
        + " "
        + f.message().replace('\n', ' ');
  }

  /**
   * The summary line, e.g. {@code 1 error, 0 warnings, 0 infos in 2 files (5 statements),
   * PostgreSQL 17, fail-on error}.
   */
  public static String summary(Report report, Severity failOn) {
    Summary s = report.summary();
    long suppressed = report.findings().stream().filter(Finding::suppressed).count();
    StringBuilder sb = new StringBuilder();
    sb.append(count(s.errors(), "error"))
        .append(", ")
        .append(count(s.warnings(), "warning"))
        .append(", ")
        .append(count(s.infos(), "info"))
        .append(" in ")
        .append(count(s.files(), "file"))
        .append(" (")
        .append(count(s.statements(), "statement"))
        .append(")");
    if (suppressed > 0) {
      sb.append(", ").append(suppressed).append(" suppressed");
    }
    if (s.unparsed() > 0) {
      sb.append(", ").append(s.unparsed()).append(" not analysed");
    }
    sb.append(", PostgreSQL ").append(report.postgresVersion());
    sb.append(", fail-on ").append(failOn.id());
    return sb.toString();
  }

  /** How many unsuppressed findings are at or above {@code failOn}. */
  public static long failing(Report report, Severity failOn) {
    return report.findings().stream()
        .filter(f -> !f.suppressed() && f.severity().atLeast(failOn))
        .count();
  }

  /** The failure message: the count and what it counts, e.g. {@code 2 findings at or above …}. */
  public static String failure(String goal, Report report, Severity failOn) {
    long n = failing(report, failOn);
    return String.format(
        Locale.ROOT,
        "Greenlight %s: %s at or above %s, listed above",
        goal,
        count(n, "finding"),
        failOn.id());
  }

  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
