package dev.greenlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code greenlight lint} in-process on sample projects: every format, exit codes, errors. */
class LintCommandTest {
  @TempDir Path dir;
  private Path shop;

  @BeforeEach
  void copyProjects() throws Exception {
    shop = Projects.copy("shop", Files.createDirectories(dir.resolve("shop")));
    Projects.copy("clean", Files.createDirectories(dir.resolve("clean")));
  }

  private CliRun lint(Path cwd, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "lint";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliRun.run(CliEnvironment.plain(cwd), all);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"text", "json", "sarif", "github", "gitlab", "junit"})
  void everyFormatMatchesItsGolden(String format) {
    CliRun r = lint(shop, "--format", format);
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isEqualTo(1);
    Golden.assertMatches("shop." + format, r.out());
  }

  @Test
  void jsonFollowsTheContract() throws Exception {
    CliRun r = lint(shop, "--format", "json", "db/migration");
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertThat(report.fieldNames())
        .toIterable()
        .containsExactly("tool", "postgresVersion", "migrations", "findings", "summary");
    assertThat(report.path("postgresVersion").asInt()).isEqualTo(16);
    assertThat(report.path("migrations")).hasSize(3);
    JsonNode v2 = report.path("migrations").get(1);
    assertThat(v2.path("path").asText()).isEqualTo("db/migration/V2__drop_legacy.sql");
    assertThat(v2.path("version").asText()).isEqualTo("2");
    assertThat(v2.path("description").asText()).isEqualTo("drop legacy");
    assertThat(v2.path("checksum").asText()).startsWith("sha256:").hasSize(71);
    assertThat(v2.path("statements").asInt()).isEqualTo(2);

    JsonNode suppressed = find(report, "ban-drop-column", 2);
    assertThat(suppressed.path("suppressed").asBoolean()).isTrue();
    JsonNode active = find(report, "ban-drop-column", 3);
    assertThat(active.path("suppressed").asBoolean()).isFalse();
    assertThat(active.path("severity").asText()).isEqualTo("error");
    assertThat(active.path("column").asInt()).isEqualTo(20);
    assertThat(active.path("endColumn").asInt()).isEqualTo(41);
    JsonNode stale = find(report, "unused-suppression", 1);
    assertThat(stale.path("path").asText()).isEqualTo("db/migration/V3__add_note.sql");
  }

  private static JsonNode find(JsonNode report, String rule, int line) {
    for (JsonNode f : report.path("findings")) {
      if (f.path("rule").asText().equals(rule) && f.path("line").asInt() == line) {
        return f;
      }
    }
    throw new AssertionError("no " + rule + " finding at line " + line + " in " + report);
  }

  @Test
  void exitCodeZeroWhenNothingReachesTheFailLevel() {
    CliRun r = lint(dir.resolve("clean"), "db/migration");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).endsWith("0 errors, 0 warnings, 0 infos in 2 files (2 statements)\n");
  }

  @Test
  void failOnChangesTheExitCode() throws Exception {
    Files.writeString(
        dir.resolve("clean/db/migration/V3__json.sql"),
        "ALTER TABLE customers ADD COLUMN doc json;\n");
    assertThat(lint(dir.resolve("clean"), "db/migration").exitCode()).isZero();
    assertThat(lint(dir.resolve("clean"), "--fail-on", "warning", "db/migration").exitCode())
        .isEqualTo(1);
  }

  @Test
  void configuredSeverityOffSilencesARule() throws Exception {
    Files.writeString(
        shop.resolve("greenlight.toml"),
        Files.readString(shop.resolve("greenlight.toml"))
            + "[rules.ban-drop-column]\nseverity = \"off\"\n[rules.unused-suppression]\nseverity = \"off\"\n");
    CliRun r = lint(shop, "--format", "json");
    assertThat(r.out()).doesNotContain("ban-drop-column").doesNotContain("unused-suppression");
  }

  @Test
  void outputFileGetsTheReport() throws Exception {
    CliRun r = lint(shop, "--format", "sarif", "--output", "out/greenlight.sarif");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(shop.resolve("out/greenlight.sarif")))
        .contains("\"version\": \"2.1.0\"");
  }

  @Test
  void githubFormatIsTheDefaultInsideGithubActions() {
    CliRun r =
        CliRun.run(
            new CliEnvironment(shop, Map.of("GITHUB_ACTIONS", "true"), false, false), "lint");
    assertThat(r.out())
        .startsWith("::")
        .contains(
            "::error file=db/migration/V2__drop_legacy.sql,line=3,col=20,endLine=3,endColumn=41,title=ban-drop-column::");
  }

  @Test
  void uploadPutsTheJsonReportWithTheTokenFromTheEnvironment() throws Exception {
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    java.util.concurrent.atomic.AtomicReference<String> seen =
        new java.util.concurrent.atomic.AtomicReference<>();
    server.createContext(
        "/v1/apps/shop/releases/1.4.2/lint-report",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          seen.set(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization")
                  + " "
                  + new ObjectMapper().readTree(body).path("summary").path("errors").asInt());
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
    try {
      String url =
          "http://127.0.0.1:"
              + server.getAddress().getPort()
              + "/v1/apps/shop/releases/1.4.2/lint-report";
      CliRun r =
          CliRun.run(
              new CliEnvironment(shop, Map.of("GREENLIGHT_TOKEN", "ci-token"), false, false),
              "lint",
              "--format",
              "json",
              "--upload",
              url);
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(seen.get()).isEqualTo("PUT Bearer ci-token 1");
      server.stop(0);
      CliRun down =
          CliRun.run(CliEnvironment.plain(shop), "lint", "--format", "json", "--upload", url);
      assertThat(down.exitCode()).isEqualTo(2);
      assertThat(down.err()).startsWith("greenlight: --upload " + url + ": ");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void flywayNamingComesFromFlywayConfAndGreenlightTomlWins() throws Exception {
    Path project = Files.createDirectories(dir.resolve("custom"));
    Path sql = Files.createDirectories(project.resolve("sql"));
    Files.writeString(
        project.resolve("flyway.conf"),
        "flyway.locations=filesystem:sql\nflyway.sqlMigrationPrefix=M\n");
    Files.writeString(sql.resolve("M1__create.sql"), "CREATE TABLE t (id bigint PRIMARY KEY);\n");
    Files.writeString(sql.resolve("V2__ignored.sql"), "DROP TABLE t;\n");
    JsonNode report = new ObjectMapper().readTree(lint(project, "--format", "json").out());
    assertThat(versionOf(report, "sql/M1__create.sql")).isEqualTo("1");
    assertThat(versionOf(report, "sql/V2__ignored.sql")).isNull();

    Files.writeString(
        project.resolve("greenlight.toml"), "[flyway]\nsql-migration-prefix = \"V\"\n");
    JsonNode overridden = new ObjectMapper().readTree(lint(project, "--format", "json").out());
    assertThat(versionOf(overridden, "sql/V2__ignored.sql")).isEqualTo("2");
    assertThat(versionOf(overridden, "sql/M1__create.sql")).isNull();
  }

  /** The version the report gives a migration; null when absent or not versioned. */
  private static String versionOf(JsonNode report, String path) {
    for (JsonNode m : report.path("migrations")) {
      if (m.path("path").asText().equals(path)) {
        return m.path("version").isNull() ? null : m.path("version").asText();
      }
    }
    return null;
  }

  @Test
  void pgVersionFlagWinsOverTheConfig() throws Exception {
    CliRun r = lint(shop, "--format", "json", "--pg-version", "12");
    assertThat(new ObjectMapper().readTree(r.out()).path("postgresVersion").asInt()).isEqualTo(12);
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(lint(shop, "--format", "xml").err())
        .startsWith(
            "greenlight: unknown --format 'xml' (use one of text, json, sarif, github, gitlab, junit)");
    assertThat(lint(shop, "--format", "xml").exitCode()).isEqualTo(2);
    assertThat(lint(shop, "--pg-version", "10").err())
        .contains("--pg-version 10 is not supported (use 11–18)");
    assertThat(lint(shop, "--pg-version", "ten").exitCode()).isEqualTo(2);
    assertThat(lint(shop, "--fail-on", "fatal").err()).contains("unknown --fail-on 'fatal'");
  }

  @Test
  void configErrorsExitTwoNamingFileLineAndNearestName() throws Exception {
    Files.writeString(
        shop.resolve("greenlight.toml"),
        "pg-version = 16\n[rules.ban-drop-colum]\nseverity = \"off\"\n");
    CliRun r = lint(shop);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "greenlight: "
                + shop.resolve("greenlight.toml")
                + ":2:1: unknown rule id 'ban-drop-colum' (did you mean 'ban-drop-column'?)\n");
  }

  @Test
  void explicitConfigIsUsed() throws Exception {
    Files.writeString(dir.resolve("other.toml"), "pg-version = 13\n");
    CliRun r = lint(shop, "--format", "json", "--config", "../other.toml", "db/migration");
    assertThat(new ObjectMapper().readTree(r.out()).path("postgresVersion").asInt()).isEqualTo(13);
  }

  @Test
  void missingPathExitsTwo() {
    CliRun r = lint(shop, "no/such/folder");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("greenlight: ").contains("no/such/folder");
  }

  @Test
  void invalidUtf8ExitsTwoWithPathLineAndColumn() throws Exception {
    Path bad = shop.resolve("db/migration/V4__bad.sql");
    Files.write(bad, "SELECT 1;\nSELECT '\u00e9".getBytes(StandardCharsets.UTF_8));
    byte[] bytes = Files.readAllBytes(bad);
    bytes[bytes.length - 2] = (byte) 0xFF;
    Files.write(bad, bytes);
    CliRun r = lint(shop);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("greenlight: db/migration/V4__bad.sql:2:")
        .doesNotContain("Exception");
  }

  @Test
  void unterminatedQuoteExitsTwoWithPosition() throws Exception {
    Files.writeString(shop.resolve("db/migration/V4__bad.sql"), "SELECT 1;\nSELECT 'oops;\n");
    CliRun r = lint(shop);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("greenlight: db/migration/V4__bad.sql:2:8: ");
  }

  @Test
  void progressBarDrawsWhileFilesLoadOnATerminalAboveFiveHundredFiles() throws Exception {
    Path many = Files.createDirectories(dir.resolve("many/db/migration"));
    for (int i = 1; i <= 520; i++) {
      Files.writeString(
          many.resolve("V" + i + "__step_" + i + ".sql"),
          "CREATE TABLE t" + i + " (id bigint PRIMARY KEY);\n");
    }
    CliEnvironment terminal = new CliEnvironment(dir.resolve("many"), Map.of(), false, true);
    CliRun r = CliRun.run(terminal, "lint", "--format", "json", "db/migration");

    assertThat(r.exitCode()).isZero();
    // Frames while the files load (not only one frame once loading is over) ...
    assertThat(r.err()).contains("\r[").contains("/520 files read\r").contains("520/520");
    assertThat(r.err().split("\r\\[", -1).length).isGreaterThan(50);
    // ... and the line is cleared at the end, so the report on stdout stays clean JSON.
    assertThat(r.err()).endsWith("\r");
    assertThat(new ObjectMapper().readTree(r.out()).path("summary").path("files").asInt())
        .isEqualTo(520);

    CliRun notATerminal =
        CliRun.run(CliEnvironment.plain(dir.resolve("many")), "lint", "db/migration");
    assertThat(notATerminal.err()).doesNotContain("\r[");
  }
}
