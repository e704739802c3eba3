package dev.greenlight.linter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.Rule;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule carries its metadata, page and fixtures, and the registry matches the design's
 * catalogue exactly (ids, default severities, categories).
 */
class CatalogueTest {

  /** Ids documented by the verify module, not by this one. */
  private static final Set<String> VERIFY_IDS =
      Set.of(
          "observed-exclusive-lock",
          "observed-table-rewrite",
          "observed-failure",
          "old-query-breaks",
          "new-query-needs-migration");

  private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| (\\w+) \\|");

  static Stream<Rule> rules() {
    return RuleRegistry.standard().rules().stream();
  }

  static Stream<RuleDescriptor> documentedIds() {
    return RuleRegistry.standard().descriptors().stream().filter(d -> !VERIFY_IDS.contains(d.id()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void ruleHasWellFormedIdentity(Rule rule) {
    RuleDescriptor d = rule.descriptor();
    assertThat(RuleDescriptor.isKebabCase(d.id())).as("kebab-case id %s", d.id()).isTrue();
    assertThat(d.summary()).isNotBlank().doesNotEndWith(".");
    assertThat(rule.getClass().getSimpleName()).as("class of %s", d.id()).isEqualTo(className(d));
    if (rule instanceof StatementRule statementRule) {
      assertThat(statementRule.kinds()).as("%s dispatches on statement kinds", d.id()).isNotEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void ruleHasCleanAndDirtyFixtures(Rule rule) throws IOException {
    Path folder = RepoPaths.fixtures().resolve(rule.descriptor().id());
    assertThat(folder).as("fixture folder").isDirectory();
    List<Path> expected;
    try (Stream<Path> files = Files.list(folder)) {
      expected = files.filter(p -> p.toString().endsWith(".expected")).toList();
    }
    assertThat(expected)
        .as("clean case (empty .expected) in %s", folder)
        .anyMatch(CatalogueTest::isEmpty);
    assertThat(expected)
        .as("dirty case reporting %s in %s", rule.descriptor().id(), folder)
        .anyMatch(p -> mentions(p, rule.descriptor().id()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documentedIds")
  void idHasAPageWithTheFourSections(RuleDescriptor d) throws IOException {
    Path page = RepoPaths.rulePage(d.id());
    assertThat(page).as("rule page").isRegularFile();
    String text = Files.readString(page);
    assertThat(text).startsWith("# " + d.id() + "\n");
    assertThat(text)
        .contains("\n## Problem\n", "\n## Safe alternative\n", "\n## When to suppress\n")
        .contains("\n## PostgreSQL versions\n")
        .contains("**Default severity:** " + d.defaultSeverity().id())
        .contains("**Category:** " + d.category().id())
        .contains("\n" + d.summary() + ".\n");
    String alternative = section(text, "Safe alternative");
    assertThat(alternative).contains("Before:", "After:");
    assertThat(alternative.split("```sql", -1)).as("before and after SQL blocks").hasSize(3);
  }

  @Test
  void registryHoldsExactlyTheCatalogue() throws IOException {
    Map<String, String[]> catalogue = checkedInCatalogue();
    Map<String, String> registered = new LinkedHashMap<>();
    for (RuleDescriptor d : RuleRegistry.standard().descriptors()) {
      registered.put(d.id(), severityColumn(d) + "\t" + d.category().id());
    }
    Map<String, String> expected = new LinkedHashMap<>();
    catalogue.forEach((id, cols) -> expected.put(id, cols[0] + "\t" + cols[1]));
    assertThat(registered).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void checkedInCatalogueMatchesTheDesignWhenPresent() throws IOException {
    Path design = RepoPaths.designCatalogue();
    if (!Files.isRegularFile(design)) {
      return; // CI has only the checked-in copy
    }
    Map<String, String> fromDesign = new LinkedHashMap<>();
    for (String line : Files.readAllLines(design)) {
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        fromDesign.put(m.group(1), m.group(2));
      }
    }
    Map<String, String> checkedIn = new LinkedHashMap<>();
    checkedInCatalogue().forEach((id, cols) -> checkedIn.put(id, cols[0]));
    assertThat(checkedIn).containsExactlyInAnyOrderEntriesOf(fromDesign);
  }

  @Test
  void indexPageListsEveryId() throws IOException {
    String index = Files.readString(RepoPaths.rulePage("README"));
    for (RuleDescriptor d : RuleRegistry.standard().descriptors()) {
      assertThat(index)
          .contains("| [`" + d.id() + "`](" + d.id() + ".md) | " + d.defaultSeverity().id() + " |");
    }
  }

  @Test
  void everyRuleClassIsRegisteredOnce() {
    List<String> ids = new ArrayList<>();
    RuleRegistry.standard().rules().forEach(r -> ids.add(r.descriptor().id()));
    assertThat(ids).doesNotHaveDuplicates();
  }

  private static String severityColumn(RuleDescriptor d) {
    Severity s = d.defaultSeverity();
    return switch (s) {
      case ERROR -> "E";
      case WARNING -> "W";
      case INFO -> "I";
      case OFF -> "off";
    };
  }

  private static String className(RuleDescriptor d) {
    StringBuilder b = new StringBuilder();
    for (String part : d.id().split("-")) {
      b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return b.toString();
  }

  private static Map<String, String[]> checkedInCatalogue() throws IOException {
    Map<String, String[]> ids = new LinkedHashMap<>();
    try (InputStream in = CatalogueTest.class.getResourceAsStream("/catalogue.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t");
        ids.put(cols[0], new String[] {cols[1], cols[2]});
      }
    }
    return ids;
  }

  private static String section(String page, String title) {
    int start = page.indexOf("\n## " + title + "\n");
    int end = page.indexOf("\n## ", start + 1);
    return page.substring(start, end < 0 ? page.length() : end);
  }

  private static boolean isEmpty(Path p) {
    try {
      return Files.readString(p).isBlank();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean mentions(Path p, String id) {
    try {
      return Files.readString(p).contains(" " + id);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
