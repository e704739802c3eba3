package dev.greenlight.linter.verify.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.linter.verify.apply.PendingStatement.TransactionControl;
import dev.greenlight.linter.verify.compat.CapturedQuery;
import dev.greenlight.linter.verify.compat.CompatibilityTracker;
import dev.greenlight.linter.verify.observe.LockMode;
import dev.greenlight.linter.verify.observe.ObservedLock;
import dev.greenlight.linter.verify.observe.Relation;
import dev.greenlight.linter.verify.observe.RelationSnapshot;
import dev.greenlight.linter.verify.observe.StatementObservation;
import dev.greenlight.linter.verify.seed.SeedResult;
import dev.greenlight.linter.verify.seed.TableSeeder;
import dev.greenlight.testkit.PostgresServer;
import dev.greenlight.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Observations of real statements on the shared test server, one fresh database per test. */
class MigrationApplierTest {
  private static final String SCHEMA =
      """
      CREATE TABLE customers (id bigint PRIMARY KEY, email varchar(40) NOT NULL UNIQUE);
      CREATE TABLE orders (
        id bigserial PRIMARY KEY,
        customer_id bigint NOT NULL REFERENCES customers (id),
        status text NOT NULL CHECK (status IN ('new', 'paid', 'shipped')),
        total numeric(8, 2) NOT NULL CHECK (total >= 0),
        legacy_ref text,
        created_at timestamptz NOT NULL DEFAULT now())
      """;

  private record Run(List<AppliedStatement> applied, CompatibilityTracker compat, SeedResult seed) {
    StatementObservation observation(String sqlStart) {
      return applied.stream()
          .filter(a -> a.statement().sql().startsWith(sqlStart))
          .findFirst()
          .orElseThrow()
          .observation();
    }
  }

  private static PendingStatement stmt(int line, String sql) {
    return control(line, sql, TransactionControl.NONE);
  }

  private static PendingStatement control(int line, String sql, TransactionControl c) {
    return new PendingStatement(sql, line, 1, line, sql.length(), c, 0, false);
  }

  /**
   * A migration whose statements get the transactions Flyway gives them: one block for a
   * transactional file; otherwise explicit BEGIN … COMMIT blocks and autocommit statements.
   */
  private static PendingMigration migration(String file, boolean tx, PendingStatement... s) {
    List<PendingStatement> planned = new ArrayList<>();
    int id = 0;
    boolean open = false;
    for (PendingStatement p : s) {
      boolean inBlock;
      if (tx) {
        inBlock = true;
      } else if (p.control() == TransactionControl.BEGIN) {
        open = true;
        inBlock = true;
        id++;
      } else if (p.control() != TransactionControl.NONE) {
        inBlock = open;
        open = false;
      } else {
        inBlock = open;
        if (!open) {
          id++;
        }
      }
      planned.add(
          new PendingStatement(
              p.sql(), p.line(), p.column(), p.endLine(), p.endColumn(), p.control(), id, inBlock));
    }
    return new PendingMigration(
        "db/migration/" + file, file.substring(1, file.indexOf("__")), file, tx, "", planned);
  }

  /** Something that happens on the database just before the pending migrations run. */
  private interface Traffic {
    void start(TestDatabase db) throws SQLException;
  }

  private static Run run(List<CapturedQuery> oldQueries, PendingMigration... pending)
      throws SQLException {
    return run(oldQueries, db -> {}, pending);
  }

  private static Run run(
      List<CapturedQuery> oldQueries, Traffic traffic, PendingMigration... pending)
      throws SQLException {
    TestDatabase db = PostgresServer.get().createDatabase("applier");
    try (Connection c = db.connect();
        Connection observer = db.connect()) {
      try (Statement s = c.createStatement()) {
        s.execute(SCHEMA);
      }
      SeedResult seed = new TableSeeder(c, 2_000).seedAll();
      RelationSnapshot existing = RelationSnapshot.take(c);
      CompatibilityTracker compat = new CompatibilityTracker(oldQueries, List.of());
      compat.baseline(c);
      traffic.start(db);
      ApplyResult result =
          new MigrationApplier(c, observer, existing, compat).apply(List.of(pending));
      return new Run(result.statements(), compat, seed);
    } finally {
      PostgresServer.get().dropDatabase(db);
    }
  }

  private static Set<String> locks(StatementObservation o) {
    return o.locks().stream()
        .map(l -> l.relation().name() + ":" + l.mode())
        .collect(Collectors.toSet());
  }

  @Test
  void seedingFillsParentsAndChildrenWithinTheirConstraints() throws SQLException {
    TestDatabase db = PostgresServer.get().createDatabase("seed");
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(SCHEMA);
      // reference rows a migration inserted with explicit keys
      s.execute(
          "INSERT INTO customers VALUES (1, 'first@example.com'), (7, 'seventh@example.com')");
      SeedResult seed = new TableSeeder(c, 2_000).seedAll();
      assertThat(seed.warnings()).isEmpty();
      assertThat(seed.rowsByTable())
          .containsEntry("customers", 2_000L)
          .containsEntry("orders", 2_000L);
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(DISTINCT status), count(DISTINCT customer_id), min(total)"
                  + " FROM orders")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(3);
        assertThat(rs.getInt(2)).isEqualTo(2_000);
        assertThat(rs.getBigDecimal(3).signum()).isGreaterThanOrEqualTo(0);
      }
    } finally {
      PostgresServer.get().dropDatabase(db);
    }
  }

  @Test
  void volatileDefaultRewritesTheTableUnderAccessExclusive() throws SQLException {
    Run run =
        run(
            List.of(),
            migration(
                "V2__add_token.sql",
                true,
                stmt(1, "ALTER TABLE orders ADD COLUMN token double precision DEFAULT random()")));
    StatementObservation o = run.observation("ALTER TABLE orders");
    assertThat(locks(o)).contains("orders:ACCESS_EXCLUSIVE");
    assertThat(o.rewritten()).extracting(Relation::name).contains("orders", "orders_pkey");
    assertThat(o.workWhileHeld()).extracting(Relation::name).contains("orders");
    assertThat(o.inTransaction()).isTrue();
  }

  @Test
  void constantDefaultIsCatalogOnly() throws SQLException {
    Run run =
        run(
            List.of(),
            migration(
                "V2__add_flag.sql",
                true,
                stmt(1, "ALTER TABLE orders ADD COLUMN flag boolean NOT NULL DEFAULT false")));
    StatementObservation o = run.observation("ALTER TABLE orders");
    assertThat(locks(o)).contains("orders:ACCESS_EXCLUSIVE");
    assertThat(o.rewritten()).isEmpty();
    assertThat(o.workWhileHeld()).isEmpty();
  }

  @Test
  void createIndexHoldsShareWhileConcurrentlyHoldsNothingThatBlocksTraffic() throws SQLException {
    // A writer's open transaction makes CREATE INDEX CONCURRENTLY wait in its first phase, so
    // the sampler sees the lock it holds meanwhile (as on a live database).
    Traffic openWrite =
        db -> {
          Connection writer = db.connect();
          writer.setAutoCommit(false);
          try (Statement s = writer.createStatement()) {
            s.execute("UPDATE orders SET legacy_ref = 'x' WHERE id = 1");
          }
          Thread commit =
              new Thread(
                  () -> {
                    try (writer) {
                      Thread.sleep(400);
                      writer.commit();
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  });
          commit.start();
        };
    Run run =
        run(
            List.of(),
            openWrite,
            migration(
                "V2__index_concurrently.sql",
                false,
                stmt(1, "CREATE INDEX CONCURRENTLY orders_created ON orders (created_at)")),
            migration(
                "V3__index.sql", true, stmt(1, "CREATE INDEX orders_status ON orders (status)")));
    StatementObservation concurrent = run.observation("CREATE INDEX CONCURRENTLY");
    assertThat(concurrent.failed()).isFalse();
    assertThat(concurrent.inTransaction()).isFalse();
    assertThat(concurrent.duration().toMillis()).isGreaterThanOrEqualTo(200);
    assertThat(locks(concurrent)).contains("orders:SHARE_UPDATE_EXCLUSIVE");
    assertThat(concurrent.locks()).noneMatch(l -> l.mode().blocksTraffic());

    StatementObservation plain = run.observation("CREATE INDEX orders_status");
    assertThat(locks(plain)).contains("orders:SHARE");
    assertThat(LockMode.SHARE.blocksWrites()).isTrue();
    assertThat(LockMode.SHARE.blocksReads()).isFalse();
    assertThat(plain.workWhileHeld()).extracting(Relation::name).containsExactly("orders");
  }

  @Test
  void notValidThenValidateHoldsOnlyShareUpdateExclusiveWhileValidating() throws SQLException {
    Run run =
        run(
            List.of(),
            migration(
                "V2__check_not_valid.sql",
                true,
                stmt(
                    1,
                    "ALTER TABLE orders ADD CONSTRAINT total_cap CHECK (total < 1000000)"
                        + " NOT VALID")),
            migration(
                "V3__validate.sql",
                true,
                stmt(1, "ALTER TABLE orders VALIDATE CONSTRAINT total_cap")));
    StatementObservation add = run.observation("ALTER TABLE orders ADD CONSTRAINT");
    assertThat(add.workWhileHeld()).isEmpty(); // no scan under the add's ACCESS EXCLUSIVE
    StatementObservation validate = run.observation("ALTER TABLE orders VALIDATE");
    assertThat(validate.locks())
        .extracting(ObservedLock::mode)
        .containsExactly(LockMode.SHARE_UPDATE_EXCLUSIVE);
    assertThat(validate.scanned()).extracting(Relation::name).containsExactly("orders");
  }

  @Test
  void notNullColumnWithoutDefaultFailsOnATableWithRowsAndStopsApplying() throws SQLException {
    Run run =
        run(
            List.of(),
            migration(
                "V2__required.sql",
                true,
                stmt(1, "ALTER TABLE orders ADD COLUMN region text NOT NULL")),
            migration("V3__later.sql", true, stmt(1, "CREATE TABLE later (id int)")));
    assertThat(run.applied()).hasSize(1);
    StatementObservation o = run.applied().get(0).observation();
    assertThat(o.error()).startsWith("23502").contains("region");
  }

  @Test
  void droppedColumnBreaksTheOldQueryAndNamesTheMigration() throws SQLException {
    CapturedQuery byLegacy =
        new CapturedQuery("SELECT id FROM orders WHERE legacy_ref = $1", "old.sql", 2, 1, 2, 44);
    CapturedQuery untouched =
        new CapturedQuery("SELECT email FROM customers WHERE id = $1", "old.sql", 1, 1, 1, 41);
    Run run =
        run(
            List.of(untouched, byLegacy),
            migration(
                "V2__explicit_tx.sql",
                false,
                control(1, "BEGIN", TransactionControl.BEGIN),
                stmt(2, "ALTER TABLE orders ADD COLUMN note text"),
                stmt(3, "ALTER TABLE orders DROP COLUMN legacy_ref"),
                control(4, "COMMIT", TransactionControl.COMMIT)));
    assertThat(run.compat().breaks()).hasSize(1);
    CompatibilityTracker.Break b = run.compat().breaks().get(0);
    assertThat(b.query()).isEqualTo(byLegacy);
    assertThat(b.migration().fileName()).isEqualTo("V2__explicit_tx.sql");
    assertThat(b.statement().line()).isEqualTo(3);
    assertThat(b.error()).contains("legacy_ref");
    List<String> ran = new ArrayList<>();
    run.applied().forEach(a -> ran.add(a.statement().sql()));
    assertThat(ran).hasSize(2);
  }
}
