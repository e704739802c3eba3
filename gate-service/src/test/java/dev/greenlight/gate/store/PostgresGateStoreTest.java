package dev.greenlight.gate.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.gate.audit.AuditVerification;
import dev.greenlight.testkit.RealPostgres;
import dev.greenlight.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The contract on a database of the shared test server, opened by JDBC URL. */
@RealPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresGateStoreTest extends GateStoreContract {
  private TestDatabase db;
  private GateStore store;

  @BeforeAll
  void open(TestDatabase db) throws SQLException {
    this.db = db;
    this.store = GateDatabase.external(jdbcUrl(db), 8);
  }

  static String jdbcUrl(TestDatabase db) {
    String sep = db.jdbcUrl().contains("?") ? "&" : "?";
    return db.jdbcUrl()
        + sep
        + "user="
        + db.user()
        + (db.password() == null ? "" : "&password=" + db.password());
  }

  @AfterAll
  void close() {
    store.close();
  }

  @Override
  GateStore store() {
    return store;
  }

  @Test
  void tamperingWithAnEventBreaksTheChain() throws SQLException {
    store.putSql("tamper", "1.0", "SELECT 1;", "agent");
    store.recordSwitch(
        "tamper",
        "prod",
        dev.greenlight.gate.decision.Slot.BLUE,
        0,
        dev.greenlight.gate.decision.Slot.GREEN,
        "switch",
        "d-x",
        "1.0",
        "deployer",
        Map.of());
    assertThat(store.verifyAudit().valid()).isTrue();
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("SET search_path = greenlight_gate");
      s.executeUpdate(
          "UPDATE audit_event SET actor = 'mallory' WHERE kind = 'switch' AND app = 'tamper'");
      AuditVerification broken = store.verifyAudit();
      assertThat(broken.valid()).isFalse();
      assertThat(broken.brokenAt()).isNotNull();
      s.executeUpdate(
          "UPDATE audit_event SET actor = 'deployer' WHERE kind = 'switch' AND app = 'tamper'");
    }
    assertThat(store.verifyAudit().valid()).isTrue();
  }

  @Test
  void migrationsAreIdempotentAcrossRestarts() throws SQLException {
    try (GateStore second = GateDatabase.external(jdbcUrl(db), 2)) {
      assertThat(second.evidenceVersion()).isEqualTo(store.evidenceVersion());
    }
  }
}
