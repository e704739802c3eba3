package dev.greenlight.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

@RealPostgres
class SeparateDatabasesTest {
  private final TestDatabase db;

  SeparateDatabasesTest(TestDatabase db) {
    this.db = db;
  }

  @Test
  void eachClassStartsWithAnEmptyDatabase() throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  @Test
  void databaseBelongsToThisClass() {
    assertThat(db.name()).contains("separatedatabasestest");
    assertThat(PostgresServer.get().serverVersionNum()).isEqualTo(db.serverVersionNum());
  }
}
