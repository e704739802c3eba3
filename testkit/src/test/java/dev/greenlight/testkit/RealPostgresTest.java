package dev.greenlight.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@RealPostgres
class RealPostgresTest {

  @Test
  void runsRealSqlOnItsOwnDatabase(TestDatabase db) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(10,2) NOT NULL)");
      s.execute("INSERT INTO orders VALUES (1, 12.50), (2, 7.25)");
      try (ResultSet rs = s.executeQuery("SELECT current_database(), sum(total) FROM orders")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo(db.name());
        assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("19.75");
      }
    }
  }

  @Test
  void serverIsARealPostgresOfKnownVersion(TestDatabase db) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version()")) {
      rs.next();
      assertThat(rs.getString(1)).startsWith("PostgreSQL " + db.majorVersion());
    }
    assertThat(db.majorVersion()).isGreaterThanOrEqualTo(11);
  }

  @Test
  void postgresSpecificDdlWorks(TestDatabase db) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("CREATE TABLE t (id int, v text)");
      s.execute("CREATE INDEX CONCURRENTLY t_v_idx ON t (v)");
      s.execute("ALTER TABLE t ADD CONSTRAINT v_nn CHECK (v IS NOT NULL) NOT VALID");
      try (ResultSet rs =
          s.executeQuery("SELECT convalidated FROM pg_constraint WHERE conname = 'v_nn'")) {
        rs.next();
        assertThat(rs.getBoolean(1)).isFalse();
      }
    }
  }
}
