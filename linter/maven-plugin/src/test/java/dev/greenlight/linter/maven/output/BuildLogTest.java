package dev.greenlight.linter.maven.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.MigrationInfo;
import dev.greenlight.linter.report.Report;
import dev.greenlight.linter.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildLogTest {
  private static final String PATH = "src/main/resources/db/migration/V2__drop_legacy.sql";

  private static Finding finding(String rule, Severity severity, boolean suppressed) {
    return new Finding(
        rule,
        severity,
        Category.COMPAT,
        "Dropping column orders.legacy_ref breaks the release still running",
        "Stop using the column first",
        PATH,
        2,
        20,
        2,
        41,
        suppressed);
  }

  private static Report report(List<Finding> findings) {
    MigrationInfo m = new MigrationInfo(PATH, "2", "drop legacy", "sha256:00", true, 2, 0);
    return Report.of("0.1.0", 17, List.of(m), findings);
  }

  @Test
  void oneFindingIsOneLine() {
    assertThat(BuildLog.line(finding("ban-drop-column", Severity.ERROR, false)))
        .isEqualTo(
            PATH
                + ":2:20 error ban-drop-column Dropping column orders.legacy_ref breaks the"
                + " release still running");
  }

  @Test
  void summaryCountsUnsuppressedFindingsAndNamesTheLevels() {
    Report r =
        report(
            List.of(
                finding("ban-drop-column", Severity.ERROR, false),
                finding("require-lock-timeout", Severity.WARNING, false),
                finding("ban-drop-column", Severity.ERROR, true)));

    assertThat(BuildLog.summary(r, Severity.ERROR))
        .isEqualTo(
            "1 error, 1 warning, 0 infos in 1 file (2 statements), 1 suppressed, PostgreSQL 17,"
                + " fail-on error");
  }

  @Test
  void failureCountsWhatReachedTheLevel() {
    Report r =
        report(
            List.of(
                finding("ban-drop-column", Severity.ERROR, false),
                finding("require-lock-timeout", Severity.WARNING, false),
                finding("ban-drop-column", Severity.ERROR, true)));

    assertThat(BuildLog.failing(r, Severity.ERROR)).isEqualTo(1);
    assertThat(BuildLog.failing(r, Severity.WARNING)).isEqualTo(2);
    assertThat(BuildLog.failure("lint", r, Severity.WARNING))
        .isEqualTo("Greenlight lint: 2 findings at or above warning, listed above");
  }
}
