package dev.greenlight.linter.rules.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.linter.FrontEnd;
import dev.greenlight.linter.FrontEndOptions;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.analysis.Analyzer;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.RuleOptions;
import dev.greenlight.linter.rules.spi.StatementRule;
import dev.greenlight.testkit.RealPostgres;
import dev.greenlight.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Locks} agrees with a real PostgreSQL: for each statement, the strongest lock the server
 * holds on each table (read from pg_locks inside a rolled-back transaction) is the mode Locks
 * predicts, and tables Locks does not name are never locked against writes.
 */
@RealPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LockOracleTest {

  private static final String SCHEMA =
      "CREATE TABLE customers (id bigint PRIMARY KEY, email text);\n"
          + "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, amount numeric,"
          + " note text);\n"
          + "CREATE INDEX orders_amount_idx ON orders (amount);\n"
          + "ALTER TABLE orders ADD CONSTRAINT orders_amount_positive CHECK (amount > 0) NOT VALID;\n"
          + "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n";

  private final TestDatabase database;

  LockOracleTest(TestDatabase database) {
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
        "ALTER TABLE orders ADD COLUMN memo text",
        "ALTER TABLE orders DROP COLUMN note",
        "ALTER TABLE orders ALTER COLUMN note SET DEFAULT 'x'",
        "ALTER TABLE orders ALTER COLUMN amount SET STATISTICS 500",
        "ALTER TABLE orders ADD CONSTRAINT orders_note_len CHECK (length(note) < 10) NOT VALID",
        "ALTER TABLE orders VALIDATE CONSTRAINT orders_amount_positive",
        "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)"
            + " REFERENCES customers (id) NOT VALID",
        "ALTER TABLE orders SET (fillfactor = 70)",
        "ALTER TABLE orders CLUSTER ON orders_amount_idx",
        "ALTER TABLE orders RENAME COLUMN note TO remark",
        "CREATE INDEX orders_note_idx ON orders (note)",
        "CREATE UNIQUE INDEX customers_email_key ON customers (email)",
        "DROP INDEX orders_amount_idx",
        "REINDEX TABLE orders",
        "REINDEX INDEX orders_amount_idx",
        "TRUNCATE orders",
        "LOCK TABLE orders IN SHARE MODE",
        "CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch()",
        "CREATE TABLE invoices (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id))",
        "DROP TABLE customers",
        "COMMENT ON TABLE orders IS 'orders'",
        "UPDATE orders SET note = 'x' WHERE id = 1"
      })
  void predictedLocksMatchTheServer(String sql) throws SQLException {
    Map<String, LockMode> observed = observe(sql);
    Map<String, LockMode> predicted = predict(sql);
    for (Map.Entry<String, LockMode> p : predicted.entrySet()) {
      assertThat(observed.get(p.getKey()))
          .as("lock on %s by: %s", p.getKey(), sql)
          .isEqualTo(p.getValue());
    }
    for (Map.Entry<String, LockMode> o : observed.entrySet()) {
      if (!predicted.containsKey(o.getKey())) {
        assertThat(o.getValue().blocksWrites())
            .as("unpredicted %s on %s by: %s", o.getValue(), o.getKey(), sql)
            .isFalse();
      }
    }
  }

  /** The strongest table lock the server holds per table while {@code sql} is uncommitted. */
  private Map<String, LockMode> observe(String sql) throws SQLException {
    Map<String, LockMode> out = new HashMap<>();
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      // tables that exist before the statement, by oid (a dropped table leaves pg_class)
      Map<Long, String> tables = new HashMap<>();
      try (ResultSet r =
          c.createStatement()
              .executeQuery(
                  "SELECT oid, relname FROM pg_class WHERE relkind IN ('r', 'p')"
                      + " AND relnamespace = 'public'::regnamespace")) {
        while (r.next()) {
          tables.put(r.getLong(1), r.getString(2));
        }
      }
      c.createStatement().execute(sql);
      try (ResultSet r =
          c.createStatement()
              .executeQuery(
                  "SELECT relation::bigint, mode FROM pg_locks"
                      + " WHERE pid = pg_backend_pid() AND relation IS NOT NULL")) {
        while (r.next()) {
          String table = tables.get(r.getLong(1));
          if (table != null) {
            out.merge(table, fromServer(r.getString(2)), LockMode::max);
          }
        }
      }
      c.rollback();
    }
    return out;
  }

  private static LockMode fromServer(String mode) {
    // AccessExclusiveLock -> ACCESS_EXCLUSIVE
    String words = mode.replace("Lock", "").replaceAll("([a-z])([A-Z])", "$1_$2");
    return LockMode.valueOf(words.toUpperCase(java.util.Locale.ROOT));
  }

  /** What {@link Locks#taken} says for {@code sql} after the schema migration. */
  private static Map<String, LockMode> predict(String sql) {
    Map<String, LockMode> out = new LinkedHashMap<>();
    List<TableLock> seen = new ArrayList<>();
    StatementRule probe =
        new StatementRule() {
          @Override
          public RuleDescriptor descriptor() {
            return RuleDescriptor.of("lock-probe", Severity.INFO, Category.LOCK, "Lock probe");
          }

          @Override
          public Set<StatementKind> kinds() {
            return EnumSet.allOf(StatementKind.class);
          }

          @Override
          public void check(Statement statement, RuleContext context) {
            if (context.migration().path().startsWith("V2")) {
              seen.addAll(Locks.taken(statement, context));
            }
          }
        };
    Map<String, String> files = new LinkedHashMap<>();
    files.put("V1__schema.sql", SCHEMA);
    files.put("V2__statement.sql", sql + ";\n");
    new Analyzer(List.of(probe))
        .analyze(
            FrontEnd.loadTexts(files, FrontEndOptions.defaults().withReadFlywayConfigFiles(false)),
            RuleOptions.defaults().withSeverities(Map.of("lock-probe", Severity.INFO)));
    for (TableLock lock : seen) {
      out.merge(lock.table().name(), lock.mode(), LockMode::max);
    }
    return out;
  }
}
