package dev.greenlight.linter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import org.junit.jupiter.api.Test;

class RuleRegistryTest {

  private final RuleRegistry registry = RuleRegistry.standard();

  @Test
  void findsRulesMetaAndVerifyIds() {
    assertThat(registry.find("ban-drop-column"))
        .get()
        .extracting(d -> d.category())
        .isEqualTo(Category.COMPAT);
    assertThat(registry.find("unparsed-statement"))
        .get()
        .extracting(d -> d.category())
        .isEqualTo(Category.META);
    assertThat(registry.find("observed-table-rewrite"))
        .get()
        .extracting(d -> d.category())
        .isEqualTo(Category.OBSERVED);
    assertThat(registry.find("no-such-rule")).isEmpty();
  }

  @Test
  void offRulesShowOffAsDefaultSeverity() {
    assertThat(registry.find("prefer-text").orElseThrow().defaultSeverity())
        .isEqualTo(Severity.OFF);
    assertThat(registry.find("require-statement-timeout").orElseThrow().enabledByDefault())
        .isFalse();
    assertThat(registry.find("require-lock-timeout").orElseThrow().defaultSeverity())
        .isEqualTo(Severity.WARNING);
  }

  @Test
  void proposesTheNearestIdForTypos() {
    assertThat(registry.nearestId("ban-drop-colum")).contains("ban-drop-column");
    assertThat(registry.nearestId("require_lock_timeout")).contains("require-lock-timeout");
    assertThat(registry.nearestId("requre-concurent-index")).contains("require-concurrent-index");
    assertThat(registry.nearestId("completely-unrelated-words-here")).isEmpty();
  }
}
