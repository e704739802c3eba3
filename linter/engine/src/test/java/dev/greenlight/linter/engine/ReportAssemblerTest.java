package dev.greenlight.linter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.linter.engine.config.GreenlightConfig;
import dev.greenlight.linter.engine.suppress.Region;
import dev.greenlight.linter.engine.suppress.SuppressionComments.SourceComment;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.MigrationInfo;
import dev.greenlight.linter.report.Report;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.RuleRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportAssemblerTest {
  private static final String A = "db/V1__a.sql";
  private static final String B = "db/V2__b.sql";

  private static Finding finding(String rule, Severity severity, String path, int line) {
    return new Finding(
        rule,
        severity,
        Category.COMPAT,
        rule + " at " + line,
        "help",
        path,
        line,
        1,
        line,
        9,
        false);
  }

  private static LintedFile file(
      String path,
      List<Finding> findings,
      List<SourceComment> comments,
      List<LintedFile.Unparsed> unparsed) {
    return new LintedFile(
        new MigrationInfo(path, "1", "a", "sha256:00", true, 3, unparsed.size()),
        findings,
        comments,
        List.of(new Region(2, 1, 2, 30), new Region(3, 1, 3, 30), new Region(5, 1, 6, 4)),
        unparsed);
  }

  private static LintOptions options(Map<String, Severity> severities, boolean requireReason) {
    GreenlightConfig config =
        new GreenlightConfig(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(requireReason),
            Optional.empty(),
            severities,
            GreenlightConfig.FlywaySection.EMPTY);
    return LintOptions.of(config, Path.of("."), List.of(), null, null, null);
  }

  private static Report assemble(LintOptions options, LintedFile... files) {
    return new ReportAssembler(RuleRegistry.standard(), options)
        .assemble(List.of(files), List.of(), "0.1.0");
  }

  @Test
  void sortsByPathLineColumnAndCountsTheSummary() {
    Report report =
        assemble(
            options(Map.of(), true),
            file(B, List.of(finding("ban-drop-table", Severity.ERROR, B, 3)), List.of(), List.of()),
            file(
                A,
                List.of(
                    finding("ban-drop-column", Severity.ERROR, A, 5),
                    finding("prefer-bigint", Severity.INFO, A, 2)),
                List.of(),
                List.of()));
    assertThat(report.findings())
        .extracting(f -> f.path() + ":" + f.line())
        .containsExactly(A + ":2", A + ":5", B + ":3");
    assertThat(report.migrations()).extracting(MigrationInfo::path).containsExactly(A, B);
    assertThat(report.summary().errors()).isEqualTo(2);
    assertThat(report.summary().infos()).isEqualTo(1);
    assertThat(report.summary().statements()).isEqualTo(6);
    assertThat(report.postgresVersion()).isEqualTo(17);
  }

  @Test
  void configuredSeveritiesOverrideAndOffDrops() {
    Report report =
        assemble(
            options(
                Map.of("ban-drop-column", Severity.WARNING, "prefer-bigint", Severity.OFF), true),
            file(
                A,
                List.of(
                    finding("ban-drop-column", Severity.ERROR, A, 5),
                    finding("prefer-bigint", Severity.INFO, A, 2)),
                List.of(),
                List.of()));
    assertThat(report.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("ban-drop-column");
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
            });
    assertThat(report.failsAt(Severity.ERROR)).isFalse();
    assertThat(report.failsAt(Severity.WARNING)).isTrue();
  }

  @Test
  void suppressedFindingsStayButDoNotCountAndStaleOnesAreReported() {
    List<SourceComment> comments =
        List.of(
            new SourceComment(
                "-- greenlight:ignore ban-drop-column reason: unused since 1.3",
                new Region(4, 1, 4, 60)),
            new SourceComment(
                "-- greenlight:ignore ban-drop-table reason: nothing there",
                new Region(1, 1, 1, 56)));
    Report report =
        assemble(
            options(Map.of(), true),
            file(
                A, List.of(finding("ban-drop-column", Severity.ERROR, A, 5)), comments, List.of()));
    assertThat(report.findings()).hasSize(2);
    Finding stale = report.findings().get(0);
    assertThat(stale.rule()).isEqualTo("unused-suppression");
    assertThat(stale.line()).isEqualTo(1);
    assertThat(stale.message()).contains("ban-drop-table matched no finding");
    Finding suppressed = report.findings().get(1);
    assertThat(suppressed.rule()).isEqualTo("ban-drop-column");
    assertThat(suppressed.suppressed()).isTrue();
    assertThat(report.summary().errors()).isZero();
    assertThat(report.summary().warnings()).isEqualTo(1);
    assertThat(report.failsAt(Severity.ERROR)).isFalse();
  }

  @Test
  void unusedSuppressionCanBeTurnedOffLikeAnyRule() {
    List<SourceComment> comments =
        List.of(
            new SourceComment(
                "-- greenlight:ignore ban-drop-table reason: x", new Region(1, 1, 1, 45)));
    Report report =
        assemble(
            options(Map.of("unused-suppression", Severity.OFF), true),
            file(A, List.of(), comments, List.of()));
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void unparsedStatementsBecomeFindingsWithTheirSpan() {
    Report report =
        assemble(
            options(Map.of(), true),
            file(
                A,
                List.of(),
                List.of(),
                List.of(
                    new LintedFile.Unparsed(
                        new Region(5, 1, 6, 4), "unsupported syntax near FOO"))));
    assertThat(report.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("unparsed-statement");
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.category()).isEqualTo(Category.META);
              assertThat(f.message()).contains("unsupported syntax near FOO");
              assertThat(f.line()).isEqualTo(5);
              assertThat(f.endLine()).isEqualTo(6);
              assertThat(f.endColumn()).isEqualTo(4);
            });
    assertThat(report.summary().unparsed()).isEqualTo(1);
  }

  @Test
  void gitRuleSuppressionsAreNotStaleWithoutSince() {
    List<SourceComment> comments =
        List.of(
            new SourceComment(
                "-- greenlight:ignore-file ban-edit-applied-migration reason: whitespace fix",
                new Region(1, 1, 1, 70)));
    Report report = assemble(options(Map.of(), true), file(A, List.of(), comments, List.of()));
    assertThat(report.findings()).isEmpty();
  }
}
