package dev.greenlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.linter.rules.RuleRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands other than lint, run in-process. */
class CommandsTest {
  @TempDir Path dir;

  private CliRun run(String... args) {
    return CliRun.run(CliEnvironment.plain(dir), args);
  }

  @Test
  void versionPrintsTheToolVersion() {
    CliRun r = run("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("greenlight 0.1.0\n");
  }

  @Test
  void helpListsTheCommands() {
    CliRun r = run("--help");
    assertThat(r.exitCode()).isZero();
    // Not a golden: the verify command registers itself in the same list.
    assertThat(r.out())
        .startsWith("Usage: greenlight [-hV] [COMMAND]")
        .contains("  lint ", "  rules ", "  explain ", "  completion ", "-V, --version");
  }

  @Test
  void lintHelpDescribesEveryOption() {
    CliRun r = run("lint", "--help");
    assertThat(r.exitCode()).isZero();
    Golden.assertMatches("lint-help.txt", r.out());
  }

  @Test
  void rulesListsEveryCatalogueId() {
    CliRun r = run("rules");
    assertThat(r.exitCode()).isZero();
    Golden.assertMatches("rules.txt", r.out());
    for (var d : RuleRegistry.standard().descriptors()) {
      assertThat(r.out()).contains(d.id());
    }
  }

  @Test
  void rulesAsJson() throws Exception {
    CliRun r = run("rules", "--format", "json");
    assertThat(r.exitCode()).isZero();
    Golden.assertMatches("rules.json", r.out());
    JsonNode rules = new ObjectMapper().readTree(r.out());
    assertThat(rules).hasSize(RuleRegistry.standard().descriptors().size());
    JsonNode first = rules.get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactly("id", "severity", "category", "summary");
  }

  @Test
  void explainPrintsThePackagedRulePage() {
    CliRun r = run("explain", "ban-drop-column");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .startsWith("# ban-drop-column")
        .contains(
            "## Problem", "## Safe alternative", "## When to suppress", "## PostgreSQL versions");
  }

  @Test
  void explainUnknownIdSuggestsTheNearest() {
    CliRun r = run("explain", "ban-drop-colum");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "greenlight: unknown rule id ban-drop-colum (did you mean ban-drop-column?);"
                + " 'greenlight rules' lists every id\n");
  }

  @Test
  void completionIsABashScriptCoveringTheCommands() {
    CliRun r = run("completion");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .startsWith("#!/usr/bin/env bash")
        .contains("complete -F", "lint", "--pg-version", "explain");
  }

  @Test
  void usageErrorsExitTwoWithOneLineReason() {
    CliRun unknownCommand = run("lnt");
    assertThat(unknownCommand.exitCode()).isEqualTo(2);
    assertThat(unknownCommand.err().lines().findFirst().orElseThrow())
        .startsWith("greenlight: Unmatched argument at index 0: 'lnt'");

    CliRun noCommand = run();
    assertThat(noCommand.exitCode()).isEqualTo(2);
    assertThat(noCommand.err()).startsWith("greenlight: a command is required");

    CliRun unknownOption = run("rules", "--colour");
    assertThat(unknownOption.exitCode()).isEqualTo(2);
    assertThat(unknownOption.err()).startsWith("greenlight: Unknown option: '--colour'");
  }
}
