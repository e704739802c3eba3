package dev.greenlight.linter.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.Report;
import dev.greenlight.linter.verify.error.VerifyException;
import dev.greenlight.testkit.PostgresServer;
import dev.greenlight.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify end to end on migration files: discovery, Flyway before-state, seeding, observation,
 * queries and findings. Runs against fresh databases of the shared test server through {@code
 * --jdbc-url}, which also exercises the scratch-database checks.
 */
class VerifierTest {
  private static final String V1 =
      """
      CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL UNIQUE);
      CREATE TABLE orders (
        id bigserial PRIMARY KEY,
        customer_id bigint NOT NULL REFERENCES customers (id),
        status text NOT NULL DEFAULT 'new',
        legacy_ref text
      );
      """;

  @TempDir Path dir;

  private final Verifier verifier = Verifier.standard();

  private Path migrations(String... nameAndSql) throws IOException {
    Path folder = dir.resolve("db/migration");
    Files.createDirectories(folder);
    for (int i = 0; i < nameAndSql.length; i += 2) {
      Files.writeString(folder.resolve(nameAndSql[i]), nameAndSql[i + 1]);
    }
    return folder;
  }

  private static String urlOf(TestDatabase db) {
    String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "user=" + db.user();
    return db.password() == null ? url : url + "&password=" + db.password();
  }

  private VerifyOutcome verify(VerifyOptions options) {
    TestDatabase db = PostgresServer.get().createDatabase("verify");
    try {
      return verifier.run(options.withJdbcUrl(urlOf(db), false));
    } finally {
      PostgresServer.get().dropDatabase(db);
    }
  }

  private VerifyOptions options(Path folder) {
    return VerifyOptions.of(dir, List.of(folder)).withRows(5_000);
  }

  private static List<String> rules(Report report) {
    return report.findings().stream().map(Finding::rule).collect(Collectors.toList());
  }

  private static Finding only(Report report, String rule) {
    List<Finding> matching =
        report.findings().stream().filter(f -> f.rule().equals(rule)).collect(Collectors.toList());
    assertThat(matching).as(report.findings().toString()).hasSize(1);
    return matching.get(0);
  }

  @Test
  void volatileDefaultRewritesTheTableUnderAccessExclusive() throws IOException {
    Path folder =
        migrations(
            "V1__schema.sql",
            V1,
            "V2__token.sql",
            "-- a per-row default\nALTER TABLE orders ADD COLUMN token float8 DEFAULT random();\n");
    Report report = verify(options(folder)).report();

    assertThat(report.migrations())
        .extracting(m -> m.path())
        .containsExactly("db/migration/V2__token.sql");
    Finding rewrite = only(report, "observed-table-rewrite");
    assertThat(rewrite.message()).contains("rewrote table orders");
    assertThat(rewrite.path()).isEqualTo("db/migration/V2__token.sql");
    assertThat(rewrite.line()).isEqualTo(2);
    assertThat(rewrite.column()).isEqualTo(1);
    Finding lock = only(report, "observed-exclusive-lock");
    assertThat(lock.message()).contains("ACCESS EXCLUSIVE on orders", "blocks reads and writes");
    assertThat(report.failsAt(dev.greenlight.linter.report.Severity.ERROR)).isTrue();
    assertThat(report.postgresVersion()).isEqualTo(PostgresServer.get().serverVersionNum() / 10000);
  }

  @Test
  void suppressionCommentsApplyToObservedFindings() throws IOException {
    Path folder =
        migrations(
            "V1__schema.sql",
            V1,
            "V2__token.sql",
            "-- greenlight:ignore observed-table-rewrite, observed-exclusive-lock"
                + " reason: orders holds 30 rows in production\n"
                + "ALTER TABLE orders ADD COLUMN token float8 DEFAULT random();\n");
    Report report = verify(options(folder)).report();
    assertThat(report.findings())
        .extracting(Finding::rule)
        .containsExactlyInAnyOrder("observed-exclusive-lock", "observed-table-rewrite");
    assertThat(report.findings()).allMatch(Finding::suppressed);
    assertThat(report.failsAt(dev.greenlight.linter.report.Severity.WARNING)).isFalse();
  }

  @Test
  void createIndexBlocksWritesWhileConcurrentlyDoesNot() throws IOException {
    Path folder =
        migrations(
            "V1__schema.sql", V1,
            "V2__index.sql", "CREATE INDEX orders_status ON orders (status);\n",
            "V3__index_concurrently.sql",
                "CREATE INDEX CONCURRENTLY orders_customer ON orders (customer_id);\n");
    Report report = verify(options(folder).withFromVersion("1")).report();

    assertThat(report.migrations()).extracting(m -> m.transactional()).containsExactly(true, false);
    Finding lock = only(report, "observed-exclusive-lock");
    assertThat(lock.path()).endsWith("V2__index.sql");
    assertThat(lock.message()).contains("SHARE on orders", "blocks writes");
    assertThat(rules(report)).doesNotContain("observed-failure", "observed-table-rewrite");
  }

  @Test
  void notValidThenValidateInSeparateTransactionsHoldsNothingThatBlocksTraffic()
      throws IOException {
    Path folder =
        migrations(
            "V1__schema.sql",
            V1,
            "V2__check.sql",
            "ALTER TABLE orders ADD CONSTRAINT status_known"
                + " CHECK (status IN ('new', 'paid')) NOT VALID;\n",
            "V3__validate.sql",
            "ALTER TABLE orders VALIDATE CONSTRAINT status_known;\n");
    Report report = verify(options(folder).withFromVersion("1")).report();
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void validatingInTheSameTransactionKeepsTheExclusiveLockDuringTheScan() throws IOException {
    Path folder =
        migrations(
            "V1__schema.sql",
            V1,
            "V2__check.sql",
            "ALTER TABLE orders ADD CONSTRAINT status_known"
                + " CHECK (status IN ('new', 'paid')) NOT VALID;\n"
                + "ALTER TABLE orders VALIDATE CONSTRAINT status_known;\n");
    Report report = verify(options(folder)).report();
    Finding lock = only(report, "observed-exclusive-lock");
    assertThat(lock.line()).isEqualTo(1);
    assertThat(lock.message()).contains("ACCESS EXCLUSIVE on orders");
  }

  @Test
  void droppedColumnBreaksTheOldQueryAndTheFindingNamesTheMigration() throws IOException {
    Path folder =
        migrations(
            "V1__schema.sql", V1,
            "V2__add_note.sql", "ALTER TABLE orders ADD COLUMN note text;\n",
            "V3__drop_legacy.sql",
                "SET lock_timeout = '2s';\nALTER TABLE orders DROP COLUMN legacy_ref;\n");
    Path old = dir.resolve("old.sql");
    Files.writeString(
        old,
        // the agent's format: a count comment, then the statement with $n parameters
        "-- count: 12\nSELECT id, status FROM orders WHERE customer_id = $1;\n"
            + "-- count: 3\nSELECT legacy_ref\n  FROM orders WHERE id = $1;\n"
            + "-- count: 1\nUPDATE orders SET status = $2 WHERE id = $1;\n");
    Path fresh = dir.resolve("new.sql");
    Files.writeString(fresh, "SELECT note FROM orders WHERE id = $1;\nSELECT 1;\n");
    Report report =
        verify(options(folder).withFromVersion("1").withQueries(Path.of("old.sql"), fresh))
            .report();

    Finding breaks = only(report, "old-query-breaks");
    assertThat(breaks.path()).isEqualTo("db/migration/V3__drop_legacy.sql");
    assertThat(breaks.line()).isEqualTo(2);
    assertThat(breaks.message())
        .contains("old.sql:4", "V3__drop_legacy.sql", "legacy_ref", "does not exist");
    Finding needs = only(report, "new-query-needs-migration");
    assertThat(needs.path()).isEqualTo("db/migration/V2__add_note.sql");
    assertThat(needs.message()).contains("new.sql:1", "note");
    assertThat(needs.severity()).isEqualTo(dev.greenlight.linter.report.Severity.WARNING);
  }

  @Test
  void notNullColumnWithoutDefaultFailsOnATableWithRows() throws IOException {
    Path folder =
        migrations(
            "V1__schema.sql",
            V1,
            "V2__region.sql",
            "CREATE TABLE regions (code text PRIMARY KEY);\n"
                + "ALTER TABLE orders\n  ADD COLUMN region text NOT NULL;\n");
    Report report = verify(options(folder)).report();
    Finding failure = only(report, "observed-failure");
    assertThat(failure.line()).isEqualTo(2);
    assertThat(failure.endLine()).isEqualTo(3);
    assertThat(failure.message()).contains("23502", "region");
  }

  @Test
  void concurrentlyInsideATransactionFailsAsOnTheServer() throws IOException {
    Path folder =
        migrations(
            "V1__schema.sql", V1,
            "V2__index.sql", "CREATE INDEX CONCURRENTLY orders_status ON orders (status);\n",
            "V2__index.sql.conf", "executeInTransaction=true\n");
    Finding failure = only(verify(options(folder)).report(), "observed-failure");
    assertThat(failure.message()).contains("25001", "cannot run inside a transaction block");
    assertThat(failure.help()).contains("executeInTransaction=false");

    Path explicit =
        migrations(
            "V2__index.sql",
            "SELECT 1;\nBEGIN;\nCREATE INDEX CONCURRENTLY orders_status ON orders (status);\nCOMMIT;\n");
    Files.delete(explicit.resolve("V2__index.sql.conf"));
    Finding inBlock = only(verify(options(explicit)).report(), "observed-failure");
    assertThat(inBlock.line()).isEqualTo(3);
    assertThat(inBlock.message()).contains("25001");
  }

  @Test
  void sinceTakesTheMigrationsAddedAfterTheRef() throws IOException, InterruptedException {
    Path folder =
        migrations(
            "V1__schema.sql",
            V1,
            "V2__index.sql",
            "CREATE INDEX orders_status ON orders (status);\n");
    git("init", "-q");
    git("add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "base");
    Files.writeString(folder.resolve("V3__note.sql"), "ALTER TABLE orders ADD COLUMN note text;\n");
    Files.writeString(
        folder.resolve("V4__drop.sql"), "ALTER TABLE orders DROP COLUMN legacy_ref;\n");
    Report report = verify(options(folder).withSince("HEAD")).report();
    assertThat(report.migrations()).extracting(m -> m.version()).containsExactly("3", "4");
    assertThat(report.findings()).isEmpty();

    assertThatThrownBy(() -> verify(options(folder).withSince("no-such-ref")))
        .isInstanceOf(VerifyException.class)
        .hasMessageContaining("no-such-ref");
  }

  private void git(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
  }

  @Test
  void jdbcUrlRefusesANonEmptyDatabaseUnlessScratchOkAndRollsBackAfterwards()
      throws IOException, SQLException {
    Path folder =
        migrations(
            "V1__schema.sql",
            V1 + "CREATE EXTENSION IF NOT EXISTS citext;\nCREATE TYPE mood AS ENUM ('ok');\n",
            "V2__more.sql",
            "ALTER TABLE orders ADD COLUMN note citext;\n"
                + "CREATE SCHEMA reporting;\n"
                + "CREATE VIEW reporting.totals AS SELECT count(*) AS n FROM orders;\n"
                + "CREATE FUNCTION order_count() RETURNS bigint LANGUAGE sql"
                + " AS 'SELECT count(*) FROM orders';\n");
    TestDatabase db = PostgresServer.get().createDatabase("refuse");
    try {
      try (Connection c = db.connect();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE precious (id int)");
      }
      assertThatThrownBy(() -> verifier.run(options(folder).withJdbcUrl(urlOf(db), false)))
          .isInstanceOf(VerifyException.class)
          .hasMessageContaining("not empty")
          .hasMessageContaining("table public.precious")
          .hasMessageContaining("--scratch-ok");

      VerifyOutcome outcome = verifier.run(options(folder).withJdbcUrl(urlOf(db), true));
      assertThat(outcome.report().findings()).isEmpty();
      try (Connection c = db.connect();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class"
                      + " WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("precious"); // what verify made is gone again
      }
      try (Connection c = db.connect();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT (SELECT count(*) FROM pg_extension WHERE extname = 'citext'),"
                      + " (SELECT count(*) FROM pg_namespace WHERE nspname = 'reporting'),"
                      + " (SELECT count(*) FROM pg_type WHERE typname = 'mood'),"
                      + " (SELECT count(*) FROM pg_proc WHERE proname = 'order_count')")) {
        rs.next();
        assertThat(List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4))).containsOnly(0);
      }
    } finally {
      PostgresServer.get().dropDatabase(db);
    }
  }

  @Test
  void keepLeavesTheMigratedSchemaInPlace() throws IOException, SQLException {
    Path folder =
        migrations(
            "V1__schema.sql", V1, "V2__note.sql", "ALTER TABLE orders ADD COLUMN note text;\n");
    TestDatabase db = PostgresServer.get().createDatabase("keep");
    try {
      verifier.run(options(folder).withRows(10).withJdbcUrl(urlOf(db), false).withKeep(true));
      try (Connection c = db.connect();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*), count(note) FROM orders")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(10);
        assertThat(rs.getInt(2)).isZero();
      }
    } finally {
      PostgresServer.get().dropDatabase(db);
    }
  }

  @Test
  void flywayConfPlaceholdersAreReplacedInTheBeforeStateAndInPendingStatements()
      throws IOException {
    Files.writeString(
        dir.resolve("flyway.conf"),
        "flyway.placeholders.owner=app_owner\nflyway.placeholders.table=audit\n");
    Path folder =
        migrations(
            "V1__schema.sql",
            V1 + "CREATE TABLE audit (id int PRIMARY KEY, who text DEFAULT '${owner}');\n",
            "V2__comment.sql",
            "COMMENT ON TABLE orders IS 'owned by ${owner}';\n"
                + "ALTER TABLE ${table} ADD COLUMN source text DEFAULT '${flyway:filename}';\n");
    VerifyOutcome outcome = verify(options(folder));
    assertThat(outcome.report().findings()).isEmpty();
    assertThat(outcome.notes()).isEmpty();
  }

  @Test
  void nothingPendingGivesAnEmptyReportWithANote() throws IOException {
    Path folder = migrations("V1__schema.sql", V1);
    VerifyOutcome outcome =
        verifier.run(
            options(folder)
                .withFromVersion("1")
                .withJdbcUrl("jdbc:postgresql://127.0.0.1:1/none", false));
    assertThat(outcome.report().findings()).isEmpty();
    assertThat(outcome.report().migrations()).isEmpty();
    assertThat(outcome.notes()).containsExactly("no pending migration: nothing to verify");
  }

  @Test
  void noVersionedMigrationIsAUsageError() throws IOException {
    Path folder = migrations("notes.sql", "SELECT 1;");
    assertThatThrownBy(() -> verify(options(folder)))
        .isInstanceOf(VerifyException.class)
        .hasMessageContaining("no versioned Flyway migration");
  }

  @Test
  void brokenBeforeStateIsAUsageErrorNamingFlyway() throws IOException {
    Path folder =
        migrations(
            "V1__broken.sql", "CREATE TABLE t (id int REFERENCES missing (id));",
            "V2__next.sql", "SELECT 1;");
    assertThatThrownBy(() -> verify(options(folder)))
        .isInstanceOf(VerifyException.class)
        .hasMessageContaining("before-state")
        .hasMessageContaining("missing");
  }
}
