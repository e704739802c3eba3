package dev.greenlight.linter.engine.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.linter.engine.suppress.SuppressionComments.SourceComment;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.RuleRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionsTest {
  private static final String PATH = "V1__x.sql";

  // Statement 1 on lines 2-3, statement 2 on line 5, statement 3 on line 7.
  private static final List<Region> STATEMENTS =
      List.of(new Region(2, 1, 3, 10), new Region(5, 1, 5, 30), new Region(7, 1, 7, 20));

  private static SourceComment comment(int line, String text) {
    return new SourceComment(text, new Region(line, 1, line, text.length()));
  }

  private static FileSuppressions suppressions(boolean requireReason, SourceComment... comments) {
    return new FileSuppressions(
        PATH,
        SuppressionComments.parse(List.of(comments), STATEMENTS),
        requireReason,
        id -> RuleRegistry.standard().find(id).isPresent(),
        RuleRegistry.standard()::nearestId);
  }

  private static Finding finding(String rule, int line) {
    return new Finding(
        rule, Severity.ERROR, Category.COMPAT, "m", "h", PATH, line, 1, line, 5, false);
  }

  @Test
  void ignoreAppliesToTheNextStatementOnly() {
    FileSuppressions s =
        suppressions(
            true, comment(4, "-- greenlight:ignore ban-drop-column reason: unused since 1.3"));
    assertThat(s.apply(finding("ban-drop-column", 5)).suppressed()).isTrue();
    assertThat(s.apply(finding("ban-drop-column", 7)).suppressed()).isFalse();
    assertThat(s.apply(finding("ban-drop-column", 2)).suppressed()).isFalse();
    assertThat(s.apply(finding("ban-drop-table", 5)).suppressed()).isFalse();
    assertThat(s.leftovers(id -> true)).isEmpty();
  }

  @Test
  void severalIdsAndTheUnusedOneIsReported() {
    FileSuppressions s =
        suppressions(
            true,
            comment(
                1, "-- greenlight:ignore ban-drop-column, ban-drop-table reason: contract phase"));
    assertThat(s.apply(finding("ban-drop-table", 3)).suppressed()).isTrue();
    List<Finding> leftovers = s.leftovers(id -> true);
    assertThat(leftovers).hasSize(1);
    Finding unused = leftovers.get(0);
    assertThat(unused.rule()).isEqualTo("unused-suppression");
    assertThat(unused.severity()).isEqualTo(Severity.WARNING);
    assertThat(unused.category()).isEqualTo(Category.META);
    assertThat(unused.message())
        .isEqualTo("suppression of ban-drop-column matched no finding in the next statement");
    assertThat(unused.line()).isEqualTo(1);
  }

  @Test
  void unusedIdOfARuleThatDidNotRunIsNotReported() {
    FileSuppressions s =
        suppressions(true, comment(1, "-- greenlight:ignore prefer-text reason: legacy"));
    assertThat(s.leftovers(id -> !id.equals("prefer-text"))).isEmpty();
  }

  @Test
  void ignoreFileCoversEveryStatement() {
    FileSuppressions s =
        suppressions(true, comment(6, "-- greenlight:ignore-file ban-drop-column reason: cleanup"));
    assertThat(s.apply(finding("ban-drop-column", 2)).suppressed()).isTrue();
    assertThat(s.apply(finding("ban-drop-column", 7)).suppressed()).isTrue();
    assertThat(s.leftovers(id -> true)).isEmpty();
  }

  @Test
  void unknownIdSaysDidYouMean() {
    FileSuppressions s =
        suppressions(true, comment(1, "-- greenlight:ignore ban-drop-colunm reason: typo"));
    assertThat(s.apply(finding("ban-drop-column", 2)).suppressed()).isFalse();
    assertThat(s.leftovers(id -> true))
        .singleElement()
        .extracting(Finding::message)
        .isEqualTo("unknown rule id ban-drop-colunm (did you mean ban-drop-column?)");
  }

  @Test
  void missingReasonIsReportedAndTheSuppressionDoesNotApply() {
    FileSuppressions s = suppressions(true, comment(1, "-- greenlight:ignore ban-drop-column"));
    assertThat(s.apply(finding("ban-drop-column", 2)).suppressed()).isFalse();
    assertThat(s.leftovers(id -> true))
        .singleElement()
        .extracting(Finding::message)
        .isEqualTo("greenlight:ignore ban-drop-column has no reason, so it does not apply");
  }

  @Test
  void reasonCanBeRelaxedByConfiguration() {
    FileSuppressions s = suppressions(false, comment(1, "-- greenlight:ignore ban-drop-column"));
    assertThat(s.apply(finding("ban-drop-column", 2)).suppressed()).isTrue();
    assertThat(s.leftovers(id -> true)).isEmpty();
  }

  @Test
  void misspeltDirectiveIsReportedNotIgnored() {
    FileSuppressions s =
        suppressions(true, comment(1, "-- greenlight:ignroe ban-drop-column reason: x"));
    assertThat(s.leftovers(id -> true))
        .singleElement()
        .extracting(Finding::message)
        .isEqualTo("unknown directive greenlight:ignroe (did you mean greenlight:ignore?)");
  }

  @Test
  void ordinaryCommentsAndBlockCommentsAreNotDirectives() {
    FileSuppressions s =
        suppressions(
            true,
            comment(1, "-- drop the legacy column, see greenlight:ignore docs"),
            comment(4, "/* greenlight:ignore ban-drop-column reason: no */"));
    assertThat(s.apply(finding("ban-drop-column", 5)).suppressed()).isFalse();
    assertThat(s.leftovers(id -> true)).isEmpty();
  }

  @Test
  void directiveAfterTheLastStatementIsReported() {
    FileSuppressions s =
        suppressions(true, comment(9, "-- greenlight:ignore ban-drop-column reason: late"));
    assertThat(s.leftovers(id -> true))
        .singleElement()
        .extracting(Finding::message)
        .isEqualTo("greenlight:ignore ban-drop-column is not followed by a statement");
  }
}
