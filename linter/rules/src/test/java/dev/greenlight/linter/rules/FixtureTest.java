package dev.greenlight.linter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.linter.FrontEnd;
import dev.greenlight.linter.FrontEndOptions;
import dev.greenlight.linter.MigrationSet;
import dev.greenlight.linter.flyway.FlywaySettings;
import dev.greenlight.linter.flyway.MigrationName;
import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.rules.analysis.Analyzer;
import dev.greenlight.linter.rules.spi.GitBaseline;
import dev.greenlight.linter.rules.spi.Rule;
import dev.greenlight.linter.rules.spi.RuleOptions;
import dev.greenlight.linter.rules.spi.RunnerMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every fixture: {@code fixtures/<rule-id>/<case>.sql} (one migration on a baseline schema) or
 * {@code fixtures/<rule-id>/<case>/V1__a.sql …} (several migrations in version order; a {@code
 * baseline/} sub-folder holds the files as they were at the --since ref), each next to {@code
 * <case>.expected} with one finding per line ({@code 3:1 error ban-drop-column}, prefixed with the
 * file name for folder cases). Only the folder's rule runs. A first line {@code -- fixture: k=v …}
 * in any file sets options: {@code pg-version}, {@code runner}, {@code runner-sets-lock-timeout},
 * {@code mixed}. {@code -Dgreenlight.fixtures.update=true} rewrites the expected files.
 */
class FixtureTest {

  private static final boolean UPDATE = Boolean.getBoolean("greenlight.fixtures.update");

  record Case(String ruleId, String name, Path source, Path expected) {
    @Override
    public String toString() {
      return ruleId + "/" + name;
    }
  }

  static Stream<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> rules = Files.list(RepoPaths.fixtures())) {
      for (Path folder : rules.sorted().toList()) {
        try (Stream<Path> files = Files.list(folder)) {
          for (Path expected : files.filter(p -> name(p).endsWith(".expected")).sorted().toList()) {
            String base =
                name(expected).substring(0, name(expected).length() - ".expected".length());
            Path single = folder.resolve(base + ".sql");
            Path multi = folder.resolve(base);
            cases.add(
                new Case(name(folder), base, Files.isDirectory(multi) ? multi : single, expected));
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fixtureProducesExactlyTheExpectedFindings(Case c) throws IOException {
    Rule rule =
        RuleRegistry.standard().rules().stream()
            .filter(r -> r.descriptor().id().equals(c.ruleId()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("fixture folder of unknown rule " + c.ruleId()));
    boolean multi = Files.isDirectory(c.source());
    List<Path> files = multi ? sqlFiles(c.source()) : List.of(c.source());
    Map<String, String> settings = new HashMap<>();
    for (Path file : files) {
      settings.putAll(header(Files.readString(file)));
    }
    RuleOptions options = options(settings, rule, c.source().resolve("baseline"));
    Path base = multi ? c.source() : c.source().getParent();
    FrontEndOptions frontEnd =
        FrontEndOptions.defaults()
            .withBaseDirectory(base)
            .withReadFlywayConfigFiles(false)
            .withPgVersion(options.pgVersion())
            .withRunner(Analyzer.frontEndRunner(options))
            .withFlyway(
                FlywaySettings.defaults()
                    .withMixed(Boolean.parseBoolean(settings.getOrDefault("mixed", "false"))));
    if (options.baseline().isPresent()) {
      Set<Path> changed = new HashSet<>();
      for (Path file : files) {
        var old = options.baseline().get().migrations().get(name(file));
        if (old == null || !old.sha256().equals(sha256(file))) {
          changed.add(file);
        }
      }
      frontEnd = frontEnd.withChangedFiles(changed);
    }
    MigrationSet set = FrontEnd.load(files, frontEnd);
    assertThat(set.problems()).as("front end problems of %s", c).isEmpty();
    List<Finding> findings = new Analyzer(List.of(rule)).analyze(set, options);
    String actual =
        findings.stream()
            .map(
                f ->
                    (multi ? f.path() + ":" : "")
                        + f.line()
                        + ":"
                        + f.column()
                        + " "
                        + f.severity().id()
                        + " "
                        + f.rule())
            .collect(Collectors.joining("\n", "", findings.isEmpty() ? "" : "\n"));
    if (UPDATE) {
      Files.writeString(c.expected(), actual);
      return;
    }
    assertThat(actual)
        .as("findings of %s; messages:%n%s", c, messages(findings))
        .isEqualTo(Files.readString(c.expected()));
    for (Finding f : findings) {
      assertThat(f.message()).as("message of %s", c).isNotBlank();
      assertThat(f.help()).as("help of %s", c).isNotBlank();
      assertThat(f.endLine() > f.line() || f.endColumn() >= f.column()).as("span").isTrue();
    }
  }

  @Test
  void everyFixtureIsPaired() throws IOException {
    List<String> unpaired = new ArrayList<>();
    try (Stream<Path> rules = Files.list(RepoPaths.fixtures())) {
      for (Path folder : rules.toList()) {
        try (Stream<Path> files = Files.list(folder)) {
          for (Path p : files.toList()) {
            String n = name(p);
            if (n.endsWith(".expected")) {
              String base = n.substring(0, n.length() - ".expected".length());
              if (!Files.exists(folder.resolve(base + ".sql"))
                  && !Files.isDirectory(folder.resolve(base))) {
                unpaired.add(p.toString());
              }
            } else {
              String base = n.endsWith(".sql") ? n.substring(0, n.length() - 4) : n;
              if (!Files.exists(folder.resolve(base + ".expected"))) {
                unpaired.add(p.toString());
              }
            }
          }
        }
      }
    }
    assertThat(unpaired).as("fixture files without a partner").isEmpty();
  }

  private static RuleOptions options(Map<String, String> settings, Rule rule, Path baseline)
      throws IOException {
    RuleOptions options =
        RuleOptions.defaults()
            .withSeverities(Map.of(rule.descriptor().id(), rule.descriptor().severity()));
    if (settings.containsKey("pg-version")) {
      options = options.withPgVersion(Integer.parseInt(settings.get("pg-version")));
    }
    if (settings.containsKey("runner")) {
      options = options.withRunner(RunnerMode.parse(settings.get("runner")));
    }
    if (settings.containsKey("runner-sets-lock-timeout")) {
      options =
          options.withRunnerSetsLockTimeout(
              Boolean.parseBoolean(settings.get("runner-sets-lock-timeout")));
    }
    if (Files.isDirectory(baseline)) {
      Map<String, GitBaseline.BaselineMigration> old = new HashMap<>();
      for (Path file : sqlFiles(baseline)) {
        MigrationName name = MigrationName.parse(name(file), FlywaySettings.defaults());
        old.put(
            name(file),
            new GitBaseline.BaselineMigration(name(file), name.versionText(), sha256(file)));
      }
      options = options.withBaseline(new GitBaseline("HEAD~1", old));
    }
    return options;
  }

  private static Map<String, String> header(String text) {
    Map<String, String> out = new HashMap<>();
    String first = text.lines().findFirst().orElse("");
    if (first.startsWith("-- fixture:")) {
      for (String pair : first.substring("-- fixture:".length()).trim().split("\\s+")) {
        String[] kv = pair.split("=", 2);
        out.put(kv[0], kv.length > 1 ? kv[1] : "true");
      }
    }
    return out;
  }

  private static List<Path> sqlFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(p -> name(p).endsWith(".sql"))
          .sorted(Comparator.comparing(FixtureTest::flywayOrder))
          .toList();
    }
  }

  private static String flywayOrder(Path p) {
    MigrationName name = MigrationName.parse(name(p), FlywaySettings.defaults());
    return name.version() == null
        ? "~" + name(p)
        : String.format("%s", name.version().getVersion())
            .replaceAll("(\\d+)", "0000000000$1")
            .replaceAll("0*(\\d{10})", "$1");
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String messages(List<Finding> findings) {
    return findings.stream()
        .map(f -> f.line() + ":" + f.column() + " " + f.message())
        .collect(Collectors.joining("\n"));
  }

  private static String name(Path p) {
    return p.getFileName().toString();
  }
}
