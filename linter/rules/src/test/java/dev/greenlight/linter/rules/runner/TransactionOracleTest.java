package dev.greenlight.linter.rules.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.linter.FrontEnd;
import dev.greenlight.linter.FrontEndOptions;
import dev.greenlight.linter.rules.analysis.Analyzer;
import dev.greenlight.linter.rules.spi.RuleOptions;
import dev.greenlight.testkit.RealPostgres;
import dev.greenlight.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ban-concurrently-in-transaction} agrees with a real PostgreSQL: a statement inside BEGIN …
 * COMMIT is reported exactly when the server refuses it in a transaction block (SQLSTATE 25001).
 */
@RealPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionOracleTest {

  private static final String SCHEMA =
      "CREATE TABLE orders (id bigint PRIMARY KEY, status text);\n"
          + "CREATE INDEX orders_status_idx ON orders (status);\n"
          + "CREATE TYPE order_state AS ENUM ('open');\n";

  private final TestDatabase database;

  TransactionOracleTest(TestDatabase database) {
    this.database = database;
  }

  @BeforeAll
  void createSchema() throws SQLException {
    try (Connection c = database.connect()) {
      c.createStatement().execute(SCHEMA);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE INDEX CONCURRENTLY orders_id_status_idx ON orders (id, status)",
        "CREATE INDEX orders_id_status_idx ON orders (id, status)",
        "DROP INDEX CONCURRENTLY orders_status_idx",
        "REINDEX TABLE CONCURRENTLY orders",
        "REINDEX TABLE orders",
        "VACUUM orders",
        "ALTER TYPE order_state ADD VALUE 'closed'",
        "ALTER SYSTEM SET work_mem = '8MB'",
        "CREATE DATABASE never_created",
        "ALTER TABLE orders ADD COLUMN note text"
      })
  void reportedExactlyWhenTheServerRefusesItInATransaction(String sql) throws SQLException {
    boolean refused;
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      try {
        c.createStatement().execute(sql);
        refused = false;
      } catch (SQLException e) {
        assertThat(e.getSQLState()).as("error of %s: %s", sql, e.getMessage()).isEqualTo("25001");
        refused = true;
      } finally {
        c.rollback();
      }
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put("V1__schema.sql", SCHEMA);
    files.put("V2__statement.sql", "BEGIN;\n" + sql + ";\nCOMMIT;\n");
    boolean reported =
        new Analyzer(List.of(new BanConcurrentlyInTransaction()))
                .analyze(
                    FrontEnd.loadTexts(
                        files, FrontEndOptions.defaults().withReadFlywayConfigFiles(false)),
                    RuleOptions.defaults())
                .stream()
                .anyMatch(f -> f.path().equals("V2__statement.sql"));
    assertThat(reported).as("reported vs refused: %s", sql).isEqualTo(refused);
  }
}
