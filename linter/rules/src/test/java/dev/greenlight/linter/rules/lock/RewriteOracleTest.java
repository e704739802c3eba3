package dev.greenlight.linter.rules.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.linter.FrontEnd;
import dev.greenlight.linter.FrontEndOptions;
import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.rules.analysis.Analyzer;
import dev.greenlight.linter.rules.spi.Rule;
import dev.greenlight.linter.rules.spi.RuleOptions;
import dev.greenlight.testkit.RealPostgres;
import dev.greenlight.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rewrite rules agree with a real PostgreSQL: a change is reported exactly when the server
 * gives the table a new relfilenode (a rewrite). Each case runs on a table holding a row.
 */
@RealPostgres
class RewriteOracleTest {

  private final TestDatabase database;

  RewriteOracleTest(TestDatabase database) {
    this.database = database;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "varchar(10)    | varchar(20)",
        "varchar(20)    | varchar(10)",
        "varchar(10)    | text",
        "text           | varchar",
        "text           | varchar(10)",
        "numeric(10,2)  | numeric(12,2)",
        "numeric(10,2)  | numeric(12,3)",
        "numeric(10,2)  | numeric",
        "varbit(8)      | varbit(16)",
        "integer        | bigint",
        "bigint         | integer",
        "timestamp      | timestamptz",
        "char(5)        | text",
        "varchar(10)[]  | text[]"
      })
  void typeChangeIsReportedExactlyWhenTheServerRewrites(String from, String to)
      throws SQLException {
    String table = "t_" + Math.abs((from + to).hashCode());
    String create = "CREATE TABLE " + table + " (id bigint PRIMARY KEY, c " + from + ")";
    String change = "ALTER TABLE " + table + " ALTER COLUMN c TYPE " + to;
    boolean rewritten = rewrites(table, create, "SET TIME ZONE 'UTC'", change);
    boolean reported =
        reports(new BanUnsafeTypeChange(), create, "SET TIME ZONE 'UTC';\n" + change + ";\n");
    assertThat(reported).as("reported vs rewritten for %s -> %s", from, to).isEqualTo(rewritten);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "text DEFAULT 'open'",
        "text NOT NULL DEFAULT 'open'",
        "timestamptz DEFAULT now()",
        "timestamptz DEFAULT CURRENT_TIMESTAMP",
        "text[] DEFAULT ARRAY[]::text[]",
        "numeric DEFAULT '0'::numeric",
        "double precision DEFAULT random()",
        "uuid DEFAULT gen_random_uuid()",
        "timestamptz DEFAULT clock_timestamp()"
      })
  void addColumnDefaultIsReportedExactlyWhenTheServerRewrites(String column) throws SQLException {
    String table = "d_" + Math.abs(column.hashCode());
    String create = "CREATE TABLE " + table + " (id bigint PRIMARY KEY)";
    String add = "ALTER TABLE " + table + " ADD COLUMN c " + column;
    boolean rewritten = rewrites(table, create, "SELECT 1", add);
    boolean reported = reports(new BanAddColumnVolatileDefault(), create, add + ";\n");
    assertThat(reported)
        .as("reported vs rewritten for ADD COLUMN c %s", column)
        .isEqualTo(rewritten);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bigserial",
        "bigint GENERATED ALWAYS AS IDENTITY",
        "bigint",
      })
  void addSerialOrIdentityIsReportedExactlyWhenTheServerRewrites(String column)
      throws SQLException {
    String table = "s_" + Math.abs(column.hashCode());
    String create = "CREATE TABLE " + table + " (id bigint PRIMARY KEY)";
    String add = "ALTER TABLE " + table + " ADD COLUMN c " + column;
    boolean rewritten = rewrites(table, create, "SELECT 1", add);
    boolean reported = reports(new BanAddSerialColumn(), create, add + ";\n");
    assertThat(reported)
        .as("reported vs rewritten for ADD COLUMN c %s", column)
        .isEqualTo(rewritten);
  }

  /** Runs {@code change} on a one-row table and tells whether its relfilenode changed. */
  private boolean rewrites(String table, String create, String session, String change)
      throws SQLException {
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + table);
      s.execute(create);
      s.execute("INSERT INTO " + table + " (id) VALUES (1)");
      long before = relfilenode(s, table);
      s.execute(session);
      s.execute(change);
      return relfilenode(s, table) != before;
    }
  }

  private static long relfilenode(Statement s, String table) throws SQLException {
    try (ResultSet r =
        s.executeQuery("SELECT relfilenode FROM pg_class WHERE oid = '" + table + "'::regclass")) {
      r.next();
      return r.getLong(1);
    }
  }

  /** Lints "create in V1, change in V2" with one rule on PostgreSQL 17. */
  private static boolean reports(Rule rule, String create, String change) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("V1__create.sql", create + ";\n");
    files.put("V2__change.sql", change);
    List<Finding> findings =
        new Analyzer(List.of(rule))
            .analyze(
                FrontEnd.loadTexts(
                    files, FrontEndOptions.defaults().withReadFlywayConfigFiles(false)),
                RuleOptions.defaults());
    return !findings.isEmpty();
  }
}
