package dev.greenlight.linter.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.RuleRegistry;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.RunnerMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private final ConfigLoader loader =
      new ConfigLoader(
          RuleRegistry.standard().descriptors().stream()
              .map(RuleDescriptor::id)
              .collect(Collectors.toSet()),
          RuleRegistry.standard()::nearestId);

  private GreenlightConfig parse(String text) throws ConfigException {
    return loader.parse(Path.of("/repo/greenlight.toml"), text);
  }

  @Test
  void readsEveryDocumentedKey() throws Exception {
    GreenlightConfig config =
        parse(
            """
            pg-version = 15
            fail-on = "warning"                 # error | warning | info
            runner = "flyway-always-transactional"
            runner-sets-lock-timeout = true
            require-suppression-reason = false
            help-base-url = "https://wiki.example/greenlight"
            [rules.require-lock-timeout]
            severity = "off"
            [rules.prefer-text]
            severity = 'info'
            [flyway]
            locations = ["src/main/resources/db/migration", "filesystem:extra"]
            sql-migration-prefix = "M"
            sql-migration-suffixes = [".sql", ".pgsql"]
            [flyway.placeholders]
            schema = "shop"
            """);
    assertThat(config.file()).contains(Path.of("/repo/greenlight.toml"));
    assertThat(config.pgVersion()).contains(15);
    assertThat(config.failOn()).contains(Severity.WARNING);
    assertThat(config.runner()).contains(RunnerMode.FLYWAY_ALWAYS_TRANSACTIONAL);
    assertThat(config.runnerSetsLockTimeout()).contains(true);
    assertThat(config.requireSuppressionReason()).contains(false);
    assertThat(config.helpBaseUrl()).contains("https://wiki.example/greenlight");
    assertThat(config.ruleSeverities())
        .containsEntry("require-lock-timeout", Severity.OFF)
        .containsEntry("prefer-text", Severity.INFO);
    assertThat(config.flyway().locations())
        .containsExactly(Path.of("/repo/src/main/resources/db/migration"), Path.of("/repo/extra"));
    assertThat(config.flyway().naming())
        .containsEntry("sqlMigrationPrefix", "M")
        .containsEntry("sqlMigrationSuffixes", ".sql,.pgsql");
    assertThat(config.flyway().placeholders()).containsEntry("schema", "shop");
  }

  @Test
  void emptyFileLeavesEverythingUnset() throws Exception {
    GreenlightConfig config = parse("# nothing here\n\n");
    assertThat(config.pgVersion()).isEmpty();
    assertThat(config.failOn()).isEmpty();
    assertThat(config.ruleSeverities()).isEmpty();
  }

  @Test
  void unknownTopLevelKeyNamesFileLineAndNearestKey() {
    assertThatThrownBy(() -> parse("pg-version = 16\nfail_on = \"error\"\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("/repo/greenlight.toml:2:1: unknown key 'fail_on' (did you mean 'fail-on'?)");
  }

  @Test
  void unknownRuleIdInTableHeaderNamesTheNearestRule() {
    assertThatThrownBy(() -> parse("\n[rules.ban-drop-colum]\nseverity = \"off\"\n"))
        .hasMessage(
            "/repo/greenlight.toml:2:1: unknown rule id 'ban-drop-colum' (did you mean"
                + " 'ban-drop-column'?)");
  }

  @Test
  void unknownRuleIdInDottedKeyIsReported() {
    assertThatThrownBy(() -> parse("rules.prefer-bigintt.severity = \"off\"\n"))
        .hasMessageContaining(
            ":1:1: unknown rule id 'prefer-bigintt' (did you mean 'prefer-bigint'?)");
  }

  @Test
  void unknownKeyInsideRuleTable() {
    assertThatThrownBy(() -> parse("[rules.prefer-bigint]\nseverty = \"off\"\n"))
        .hasMessage(
            "/repo/greenlight.toml:2:1: unknown key [rules.prefer-bigint] 'severty' (did you mean"
                + " 'severity'?)");
  }

  @Test
  void unknownFlywayKeyAndTable() {
    assertThatThrownBy(() -> parse("[flyway]\nlocation = [\"db\"]\n"))
        .hasMessage(
            "/repo/greenlight.toml:2:1: unknown key [flyway] 'location' (did you mean"
                + " 'locations'?)");
    assertThatThrownBy(() -> parse("[flyways]\n"))
        .hasMessage("/repo/greenlight.toml:1:1: unknown table [flyways] (did you mean 'flyway'?)");
  }

  @Test
  void badValuesSayWhatIsAllowed() {
    assertThatThrownBy(() -> parse("fail-on = \"errors\"\n"))
        .hasMessage(
            "/repo/greenlight.toml:1:1: fail-on must be \"error\", \"warning\" or \"info\", not"
                + " \"errors\" (did you mean 'error'?)");
    assertThatThrownBy(() -> parse("pg-version = 9\n"))
        .hasMessageContaining("pg-version 9 is not supported (use 11–18)");
    assertThatThrownBy(() -> parse("pg-version = \"17\"\n"))
        .hasMessageContaining("pg-version must be a number");
    assertThatThrownBy(() -> parse("runner = \"flyway-transactional\"\n"))
        .hasMessageContaining("unknown runner \"flyway-transactional\" (did you mean");
    assertThatThrownBy(() -> parse("[rules.prefer-text]\nseverity = \"loud\"\n"))
        .hasMessageContaining(":2:1: severity must be \"error\", \"warning\", \"info\" or \"off\"");
  }

  @Test
  void syntaxErrorsPointAtTheColumn() {
    assertThatThrownBy(() -> parse("fail-on = \"error\n"))
        .hasMessage("/repo/greenlight.toml:1:11: unterminated string");
    assertThatThrownBy(() -> parse("fail-on \"error\"\n"))
        .hasMessage("/repo/greenlight.toml:1:9: expected '=' after the key but found '\"'");
    assertThatThrownBy(() -> parse("pg-version = 17 18\n"))
        .hasMessage("/repo/greenlight.toml:1:17: unexpected '1' after the value");
    assertThatThrownBy(() -> parse("[flyway]\nlocations = [\"a\"\n"))
        .hasMessageContaining("unterminated array");
  }

  @Test
  void findsTheFileByWalkingUpFromTheWorkingDirectory(@TempDir Path dir) throws Exception {
    Path nested = Files.createDirectories(dir.resolve("a/b/c"));
    Files.writeString(dir.resolve("a/greenlight.toml"), "pg-version = 14\n");
    assertThat(ConfigLoader.find(nested)).contains(dir.resolve("a/greenlight.toml"));
    assertThat(loader.load(Optional.empty(), nested).pgVersion()).contains(14);
  }

  @Test
  void explicitFileMustExist(@TempDir Path dir) {
    assertThatThrownBy(() -> loader.load(Optional.of(dir.resolve("nope.toml")), dir))
        .hasMessageEndingWith("nope.toml: configuration file not found");
  }

  @Test
  void invalidUtf8IsAClearError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("greenlight.toml");
    Files.write(file, new byte[] {'a', ' ', '=', ' ', (byte) 0xC3, (byte) 0x28});
    assertThatThrownBy(() -> loader.read(file)).hasMessageEndingWith(": not valid UTF-8");
  }
}
