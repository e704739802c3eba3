package dev.greenlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code greenlight verify} as a user runs it: exit codes, the report on stdout, one-line errors on
 * stderr, and the upload to the gate. The upload goes to a real HTTP server (the JDK's) standing in
 * for the gate, which lives in another module.
 */
class VerifyCommandTest {
  @TempDir Path dir;

  private CliRun last;

  /** Runs {@code greenlight verify …} through {@link Main#run}, as bin/greenlight does. */
  private int verify(String... args) {
    CliEnvironment env =
        new CliEnvironment(dir, Map.of("GREENLIGHT_TOKEN", "env-token"), false, false);
    String[] full = new String[args.length + 1];
    full[0] = "verify";
    System.arraycopy(args, 0, full, 1, args.length);
    last = CliRun.run(env, full);
    return last.exitCode();
  }

  private String stdout() {
    return last.out();
  }

  private String stderr() {
    return last.err();
  }

  private void migrations() throws IOException {
    Path folder = dir.resolve("db/migration");
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("V1__schema.sql"),
        "CREATE TABLE orders (id bigint PRIMARY KEY, legacy_ref text, total numeric NOT NULL);\n");
    Files.writeString(
        folder.resolve("V2__drop_and_rewrite.sql"),
        "ALTER TABLE orders DROP COLUMN legacy_ref;\n"
            + "ALTER TABLE orders ADD COLUMN token float8 DEFAULT random();\n");
    Files.writeString(
        dir.resolve("old.sql"), "SELECT legacy_ref FROM orders WHERE id = $1;\nSELECT 1;\n");
  }

  @Test
  void reportsObservedFindingsAsJsonExitsOneAndUploadsTheReport() throws IOException {
    migrations();
    List<String> requests = new CopyOnWriteArrayList<>();
    HttpServer gate = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gate.createContext(
        "/v1/apps/shop/releases/1.4.2/verify-report",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization")
                  + " "
                  + exchange.getRequestHeaders().getFirst("Content-Type")
                  + " "
                  + body);
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    gate.start();
    try {
      String url =
          "http://127.0.0.1:"
              + gate.getAddress().getPort()
              + "/v1/apps/shop/releases/1.4.2/verify-report";
      int code =
          verify(
              "--format",
              "json",
              "--rows",
              "1000",
              "--old-queries",
              "old.sql",
              "--upload",
              url,
              "--token",
              "ci-token",
              "db/migration");

      assertThat(code).as(stderr()).isEqualTo(ExitCodes.FINDINGS);
      String json = stdout();
      assertThat(json)
          .contains("\"postgresVersion\": 17")
          .contains("\"rule\": \"old-query-breaks\"")
          .contains("\"rule\": \"observed-table-rewrite\"")
          .contains("\"category\": \"observed\"")
          .contains("\"path\": \"db/migration/V2__drop_and_rewrite.sql\"");
      assertThat(stderr()).contains("1 pending migration(s)", "PostgreSQL 17", "HTTP 204");
      assertThat(requests).hasSize(1);
      assertThat(requests.get(0))
          .startsWith("PUT Bearer ci-token application/json {")
          .contains("old-query-breaks");
    } finally {
      gate.stop(0);
    }
  }

  @Test
  void greenlightTomlSetsSeveritiesFailLevelAndLocations() throws IOException {
    migrations();
    Files.writeString(
        dir.resolve("greenlight.toml"),
        "fail-on = \"error\"\n"
            + "help-base-url = \"https://docs.example/rules\"\n"
            + "[rules.observed-table-rewrite]\n"
            + "severity = \"off\"\n"
            + "[rules.old-query-breaks]\n"
            + "severity = \"info\"\n"
            + "[flyway]\n"
            + "locations = [\"db/migration\"]\n");

    // No path given: the [flyway] locations of greenlight.toml are verified.
    int code = verify("--format", "json", "--rows", "100", "--old-queries", "old.sql");

    assertThat(stderr()).contains("1 pending migration(s)");
    String json = stdout();
    assertThat(json).doesNotContain("observed-table-rewrite");
    assertThat(json).containsPattern("\"rule\": \"old-query-breaks\",\\s+\"severity\": \"info\"");
    assertThat(code).as(json).isEqualTo(json.contains("\"severity\": \"error\"") ? 1 : 0);

    // --fail-on on the command line wins over the file.
    assertThat(
            verify(
                "--format",
                "json",
                "--rows",
                "100",
                "--old-queries",
                "old.sql",
                "--fail-on",
                "info"))
        .isEqualTo(ExitCodes.FINDINGS);
  }

  @Test
  void anUnknownRuleInGreenlightTomlIsAConfigurationErrorWithTheNearestName() throws IOException {
    migrations();
    Files.writeString(
        dir.resolve("greenlight.toml"), "[rules.observed-table-rewrit]\nseverity = \"off\"\n");
    assertThat(verify("db/migration")).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr()).contains("greenlight.toml:1").contains("observed-table-rewrite");
    assertThat(stdout()).isEmpty();
  }

  @Test
  void anUploadTheGateRefusesIsAnErrorNamingTheStatus() throws IOException {
    migrations();
    HttpServer gate = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gate.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body =
              ("{\"error\": \"role ci required\", \"field\": \"Authorization\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(403, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    gate.start();
    try {
      int code =
          verify(
              "--rows",
              "10",
              "--format",
              "json",
              "--upload",
              "http://127.0.0.1:" + gate.getAddress().getPort() + "/v1/x",
              "db/migration");
      assertThat(code).isEqualTo(ExitCodes.USAGE);
      assertThat(stderr()).contains("answered 403", "role ci required").doesNotContain("Exception");
    } finally {
      gate.stop(0);
    }
  }

  @Test
  void helpListsTheOptions() {
    assertThat(verify("--help")).isZero();
    assertThat(stdout())
        .contains("--from-version", "--since", "--old-queries", "--new-queries", "--jdbc-url")
        .contains("--scratch-ok", "--pg-version", "--keep", "--upload", "--rows");
  }

  @Test
  void unsupportedPostgresVersionIsAUsageError() throws IOException {
    migrations();
    assertThat(verify("--pg-version", "12", "db/migration")).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr()).contains("PostgreSQL 12 is not available", "[14, 16, 17]");
    assertThat(stdout()).isEmpty();
  }

  @Test
  void unreachableJdbcUrlIsAOneLineUsageError() throws IOException {
    migrations();
    int code = verify("--jdbc-url", "jdbc:postgresql://127.0.0.1:1/scratch", "db/migration");
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr().strip().lines()).hasSize(1);
    assertThat(stderr()).contains("cannot connect to --jdbc-url").doesNotContain("\tat ");
  }

  @Test
  void conflictingOptionsAreUsageErrors() throws IOException {
    migrations();
    assertThat(verify("--from-version", "1", "--since", "HEAD", "db/migration"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(stderr()).contains("either --from-version or --since");
    assertThat(verify("--scratch-ok", "db/migration")).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr()).contains("--scratch-ok only applies with --jdbc-url");
    assertThat(verify("--format", "yaml", "db/migration")).isEqualTo(ExitCodes.USAGE);
    assertThat(verify("no/such/folder")).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr()).contains("no/such/folder");
  }
}
