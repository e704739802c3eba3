package dev.greenlight.linter.report;

import java.util.List;

/**
 * The result of {@code lint} or {@code verify}: every output format renders this object.
 *
 * @param toolName always {@code greenlight}
 * @param postgresVersion the PostgreSQL major the analysis assumed (lint) or ran on (verify)
 */
public record Report(
    String toolName,
    String toolVersion,
    int postgresVersion,
    List<MigrationInfo> migrations,
    List<Finding> findings,
    Summary summary) {

  public Report {
    migrations = List.copyOf(migrations);
    findings = List.copyOf(findings);
  }

  /** Builds a report whose summary is computed from its parts. */
  public static Report of(
      String toolVersion,
      int postgresVersion,
      List<MigrationInfo> migrations,
      List<Finding> findings) {
    return new Report(
        "greenlight",
        toolVersion,
        postgresVersion,
        migrations,
        findings,
        Summary.of(migrations, findings));
  }

  /** True when an unsuppressed finding is at or above {@code failOn}: the exit code is then 1. */
  public boolean failsAt(Severity failOn) {
    return findings.stream().anyMatch(f -> !f.suppressed() && f.severity().atLeast(failOn));
  }
}
