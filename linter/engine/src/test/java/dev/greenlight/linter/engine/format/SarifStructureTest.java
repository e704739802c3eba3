package dev.greenlight.linter.engine.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.linter.engine.testing.SampleReports;
import dev.greenlight.linter.report.Severity;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What GitHub code scanning needs from a SARIF file, checked without the official schema. */
class SarifStructureTest {

  private static JsonNode render(RenderOptions options) throws Exception {
    String sarif = new SarifRenderer().renderToString(SampleReports.mixed(), options);
    return new ObjectMapper().readTree(sarif);
  }

  @Test
  void hasOneRunWithDriverRulesAndResultsWithPhysicalLocations() throws Exception {
    JsonNode root = render(RenderOptions.defaults().withHelpBaseUrl("https://x.test/rules/"));
    assertThat(root.path("version").asText()).isEqualTo("2.1.0");
    assertThat(root.path("$schema").asText()).contains("sarif-2.1.0");
    assertThat(root.path("runs")).hasSize(1);
    JsonNode run = root.path("runs").get(0);
    JsonNode driver = run.path("tool").path("driver");
    assertThat(driver.path("name").asText()).isEqualTo("greenlight");
    assertThat(driver.path("version").asText()).isEqualTo("0.1.0");

    Set<String> ruleIds = new HashSet<>();
    for (JsonNode rule : driver.path("rules")) {
      ruleIds.add(rule.path("id").asText());
      assertThat(rule.path("shortDescription").path("text").asText()).isNotBlank();
      assertThat(rule.path("help").path("text").asText()).isNotBlank();
      assertThat(rule.path("help").path("markdown").asText()).isNotBlank();
      assertThat(rule.path("helpUri").asText())
          .isEqualTo("https://x.test/rules/" + rule.path("id").asText());
    }
    assertThat(ruleIds)
        .containsExactlyInAnyOrder(
            "prefer-bigint", "ban-drop-table", "ban-drop-column", "require-not-valid-check");

    JsonNode results = run.path("results");
    assertThat(results).hasSize(4);
    for (JsonNode result : results) {
      String ruleId = result.path("ruleId").asText();
      assertThat(driver.path("rules").get(result.path("ruleIndex").asInt()).path("id").asText())
          .isEqualTo(ruleId);
      assertThat(result.path("level").asText()).isIn("error", "warning", "note");
      assertThat(result.path("message").path("text").asText()).isNotBlank();
      JsonNode physical = result.path("locations").get(0).path("physicalLocation");
      assertThat(physical.path("artifactLocation").path("uri").asText())
          .startsWith("db/migration/");
      JsonNode region = physical.path("region");
      assertThat(region.path("startLine").asInt()).isPositive();
      assertThat(region.path("startColumn").asInt()).isPositive();
      assertThat(region.path("endLine").asInt())
          .isGreaterThanOrEqualTo(region.path("startLine").asInt());
    }
  }

  @Test
  void regionEndColumnIsExclusiveAndUrisArePercentEncoded() throws Exception {
    JsonNode results = render(RenderOptions.defaults()).path("runs").get(0).path("results");
    JsonNode dropColumn = results.get(2);
    assertThat(dropColumn.path("ruleId").asText()).isEqualTo("ban-drop-column");
    JsonNode physical = dropColumn.path("locations").get(0).path("physicalLocation");
    // The report's end column 42 is the last character; SARIF points just past it.
    assertThat(physical.path("region").path("endColumn").asInt()).isEqualTo(43);
    assertThat(physical.path("artifactLocation").path("uri").asText())
        .isEqualTo("db/migration/V2__drop%20legacy,%20%22quoted%22.sql");
  }

  @Test
  void suppressedFindingsCarryAnInSourceSuppressionAndLevelsFollowSeverity() throws Exception {
    JsonNode results = render(RenderOptions.defaults()).path("runs").get(0).path("results");
    assertThat(results.get(0).path("level").asText()).isEqualTo("note");
    assertThat(results.get(1).path("suppressions").get(0).path("kind").asText())
        .isEqualTo("inSource");
    assertThat(results.get(2).has("suppressions")).isFalse();
    assertThat(results.get(3).path("level").asText()).isEqualTo("warning");
  }

  @Test
  void ruleDocsReplaceTheFallbackDescription() throws Exception {
    RuleDoc doc =
        new RuleDoc(
            "ban-drop-column",
            "DROP COLUMN breaks the running release",
            "Drop in the contract phase",
            Severity.ERROR,
            dev.greenlight.linter.report.Category.COMPAT);
    JsonNode rules =
        render(
                RenderOptions.defaults()
                    .withRuleDocs(id -> id.equals(doc.id()) ? Optional.of(doc) : Optional.empty()))
            .path("runs")
            .get(0)
            .path("tool")
            .path("driver")
            .path("rules");
    assertThat(rules.get(0).path("id").asText()).isEqualTo("ban-drop-column");
    assertThat(rules.get(0).path("shortDescription").path("text").asText())
        .isEqualTo("DROP COLUMN breaks the running release");
    assertThat(rules.get(1).path("shortDescription").path("text").asText())
        .isEqualTo("ban-drop-table");
  }
}
