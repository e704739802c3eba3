package dev.greenlight.linter.rules.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.linter.FrontEnd;
import dev.greenlight.linter.FrontEndOptions;
import dev.greenlight.linter.MigrationSet;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.GitBaseline;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.RuleOptions;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The whole catalogue run as the engine runs it: enabling, --since, exclusivity, spans. */
class AnalyzerTest {

  private static List<Finding> analyze(Map<String, String> files, RuleOptions options) {
    FrontEndOptions frontEnd =
        FrontEndOptions.defaults()
            .withRunner(Analyzer.frontEndRunner(options))
            .withPgVersion(options.pgVersion())
            .withReadFlywayConfigFiles(false);
    MigrationSet set = FrontEnd.loadTexts(files, frontEnd);
    return Analyzer.standard().analyze(set, options);
  }

  private static Set<String> rules(List<Finding> findings) {
    return findings.stream().map(Finding::rule).collect(Collectors.toSet());
  }

  @Test
  void dropColumnFindingNamesTheColumnAndPointsAtTheAction() {
    List<Finding> findings =
        analyze(
            Map.of("V42__drop_legacy.sql", "ALTER TABLE orders DROP COLUMN legacy_ref;\n"),
            RuleOptions.defaults());
    Finding drop =
        findings.stream().filter(f -> f.rule().equals("ban-drop-column")).findFirst().orElseThrow();
    assertThat(drop.severity()).isEqualTo(Severity.ERROR);
    assertThat(drop.category()).isEqualTo(Category.COMPAT);
    assertThat(drop.message()).contains("orders.legacy_ref");
    assertThat(drop.help()).isNotBlank();
    assertThat(drop.path()).isEqualTo("V42__drop_legacy.sql");
    assertThat(List.of(drop.line(), drop.column(), drop.endLine(), drop.endColumn()))
        .containsExactly(1, 20, 1, 41);
    assertThat(drop.suppressed()).isFalse();
  }

  @Test
  void aNonTransactionalStatementGetsAtMostOneOfTheTwoRunnerFindings() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "V1__mixed.sql",
        "ALTER TABLE orders ADD COLUMN status text;\n"
            + "CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);\n");
    files.put(
        "V2__explicit.sql",
        "ALTER TABLE orders ADD COLUMN note text;\n"
            + "BEGIN;\n"
            + "CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);\n"
            + "COMMIT;\n");
    List<Finding> findings = analyze(files, RuleOptions.defaults());
    Map<String, List<String>> runnerByStatement =
        findings.stream()
            .filter(
                f -> f.rule().startsWith("ban-mixed") || f.rule().startsWith("ban-concurrently"))
            .collect(
                Collectors.groupingBy(
                    f -> f.path() + ":" + f.line(),
                    Collectors.mapping(Finding::rule, Collectors.toList())));
    assertThat(runnerByStatement)
        .containsEntry("V1__mixed.sql:2", List.of("ban-mixed-transactional-statements"))
        .containsEntry("V2__explicit.sql:3", List.of("ban-concurrently-in-transaction"))
        .hasSize(2);
  }

  @Test
  void sinceLintsOnlyChangedFilesAndTreatsTheirObjectsAsNew() throws Exception {
    String v1 = "ALTER TABLE orders DROP COLUMN legacy_ref;\n";
    String v2 = "CREATE TABLE imports (id bigint);\n";
    String v3 = "CREATE INDEX imports_id_idx ON imports (id);\nDROP TABLE imports;\n";
    Map<String, String> files = new LinkedHashMap<>();
    files.put("V1__old.sql", v1);
    files.put("V2__imports.sql", v2);
    files.put("V3__index.sql", v3);
    GitBaseline baseline =
        new GitBaseline(
            "main",
            Map.of("V1__old.sql", new GitBaseline.BaselineMigration("V1__old.sql", "1", sha(v1))));
    FrontEndOptions frontEnd =
        FrontEndOptions.defaults()
            .withReadFlywayConfigFiles(false)
            .withChangedFiles(
                Set.of(
                    java.nio.file.Path.of("V2__imports.sql"),
                    java.nio.file.Path.of("V3__index.sql")));
    RuleOptions options = RuleOptions.defaults().withBaseline(baseline);
    List<Finding> findings =
        Analyzer.standard().analyze(FrontEnd.loadTexts(files, frontEnd), options);
    assertThat(findings).noneMatch(f -> f.path().equals("V1__old.sql"));
    assertThat(rules(findings))
        .doesNotContain("ban-drop-column", "require-concurrent-index", "ban-drop-table");
  }

  @Test
  void severityOffDisablesAndASeverityEnablesAnOffRule() {
    Map<String, String> files =
        Map.of(
            "V1__t.sql",
            "CREATE TABLE customers (id bigint PRIMARY KEY, email varchar(255));\n"
                + "ALTER TABLE orders DROP COLUMN legacy_ref;\n");
    assertThat(rules(analyze(files, RuleOptions.defaults())))
        .contains("ban-drop-column")
        .doesNotContain("prefer-text");
    RuleOptions configured =
        RuleOptions.defaults()
            .withSeverities(
                Map.of("ban-drop-column", Severity.OFF, "prefer-text", Severity.WARNING));
    List<Finding> findings = analyze(files, configured);
    assertThat(rules(findings)).contains("prefer-text").doesNotContain("ban-drop-column");
    assertThat(findings.stream().filter(f -> f.rule().equals("prefer-text")))
        .allMatch(f -> f.severity() == Severity.INFO);
  }

  @Test
  void findingsOfAFileAreInPositionOrder() {
    List<Finding> findings =
        analyze(
            Map.of(
                "V1__many.sql",
                "ALTER TABLE orders DROP COLUMN a, ADD COLUMN b text NOT NULL;\n"
                    + "CREATE INDEX orders_c_idx ON orders (c);\n"
                    + "TRUNCATE orders;\n"),
            RuleOptions.defaults());
    assertThat(findings).isNotEmpty();
    for (int i = 1; i < findings.size(); i++) {
      Finding a = findings.get(i - 1);
      Finding b = findings.get(i);
      assertThat(a.line() < b.line() || a.line() == b.line() && a.column() <= b.column())
          .as("%s before %s", a, b)
          .isTrue();
    }
  }

  @Test
  void helpForAPartitionedTableExplainsThePerPartitionBuild() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "V1__events.sql",
        "CREATE TABLE events (id bigint, at timestamptz) PARTITION BY RANGE (at);\n");
    files.put("V2__index.sql", "CREATE INDEX events_at_idx ON events (at);\n");
    Finding index =
        analyze(files, RuleOptions.defaults()).stream()
            .filter(f -> f.rule().equals("require-concurrent-index"))
            .findFirst()
            .orElseThrow();
    assertThat(index.message()).contains("events_at_idx", "events");
    assertThat(index.help()).contains("ON ONLY events", "ATTACH PARTITION");
  }

  @Test
  void versionBehaviourFollowsPgVersion() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("V1__t.sql", "CREATE TABLE t (id bigint, at timestamp);\n");
    files.put("V2__check.sql", "ALTER TABLE t ADD CONSTRAINT t_id_nn CHECK (id IS NOT NULL);\n");
    files.put(
        "V3__change.sql",
        "SET TIME ZONE 'UTC';\n"
            + "ALTER TABLE t ALTER COLUMN id SET NOT NULL;\n"
            + "ALTER TABLE t ALTER COLUMN at TYPE timestamptz;\n"
            + "REINDEX TABLE t;\n");
    Set<String> pg17 = rules(analyze(files, RuleOptions.defaults()));
    Set<String> pg11 = rules(analyze(files, RuleOptions.defaults().withPgVersion(11)));
    assertThat(pg17).doesNotContain("ban-set-not-null", "ban-unsafe-type-change");
    assertThat(pg11).contains("ban-set-not-null", "ban-unsafe-type-change");
    Finding reindex11 =
        analyze(files, RuleOptions.defaults().withPgVersion(11)).stream()
            .filter(f -> f.rule().equals("require-concurrent-reindex"))
            .findFirst()
            .orElseThrow();
    assertThat(reindex11.help()).contains("no REINDEX CONCURRENTLY");
  }

  @Test
  void aFailingRuleBecomesAnUnparsedStatementFindingInsteadOfStoppingTheRun() {
    StatementRule failing =
        new StatementRule() {
          @Override
          public RuleDescriptor descriptor() {
            return RuleDescriptor.of("failing-rule", Severity.ERROR, Category.LOCK, "Fails");
          }

          @Override
          public Set<StatementKind> kinds() {
            return Set.of(StatementKind.ALTER_TABLE);
          }

          @Override
          public void check(Statement statement, RuleContext context) {
            throw new IllegalStateException("unexpected shape");
          }
        };
    MigrationSet set =
        FrontEnd.loadTexts(
            Map.of("V1__a.sql", "ALTER TABLE orders ADD COLUMN note text;\n"),
            FrontEndOptions.defaults().withReadFlywayConfigFiles(false));
    List<Finding> findings = new Analyzer(List.of(failing)).analyze(set, RuleOptions.defaults());
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("unparsed-statement");
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.message()).contains("failing-rule", "unexpected shape");
              assertThat(f.line()).isEqualTo(1);
            });
  }

  private static String sha(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
