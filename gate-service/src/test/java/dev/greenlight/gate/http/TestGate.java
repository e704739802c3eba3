package dev.greenlight.gate.http;

import dev.greenlight.gate.GateServer;
import dev.greenlight.gate.config.ConfigException;
import dev.greenlight.gate.config.GateConfig;
import dev.greenlight.gate.config.GateConfigLoader;
import dev.greenlight.gate.store.GateDatabase;
import dev.greenlight.testkit.TestDatabase;
import java.sql.SQLException;

/** Tokens and evidence bodies shared by the HTTP tests. */
public final class TestGate {
  public static final String CI = "ci-token-aaaaaaaaaaaa";
  public static final String AGENT = "agent-token-bbbbbbbbbb";
  public static final String DEPLOYER = "deployer-token-cccccccc";
  public static final String APPROVER = "approver-token-dddddddd";
  public static final String VIEWER = "viewer-token-eeeeeeeeee";

  public static final String TOKENS =
      """
      tokens:
        - {name: ci, role: ci, token: "%s"}
        - {name: agent, role: agent, token: "%s"}
        - {name: deployer, role: deployer, token: "%s"}
        - {name: approver, role: approver, token: "%s"}
        - {name: viewer, role: viewer, token: "%s"}
      """
          .formatted(CI, AGENT, DEPLOYER, APPROVER, VIEWER);

  private TestGate() {}

  public static GateConfig config(String extra) {
    try {
      return GateConfigLoader.parse(TOKENS + extra, "test-gate.yaml");
    } catch (ConfigException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  public static String jdbcUrl(TestDatabase db) {
    String sep = db.jdbcUrl().contains("?") ? "&" : "?";
    return db.jdbcUrl()
        + sep
        + "user="
        + db.user()
        + (db.password() == null ? "" : "&password=" + db.password());
  }

  /** A started gate on port 0 over the test database. */
  public static GateServer start(TestDatabase db, GateConfig config) {
    try {
      return GateServer.create(config, GateDatabase.external(jdbcUrl(db), 8), 0).start();
    } catch (SQLException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  public static String lintReport(String... findings) {
    return """
        {"tool": {"name": "greenlight", "version": "0.1.0"}, "postgresVersion": 17,
         "migrations": [{"path": "db/migration/V42__drop_legacy.sql", "version": "42",
           "description": "drop legacy", "checksum": "sha256:00", "transactional": true,
           "statements": 3, "unparsed": 0}],
         "findings": [%s],
         "summary": {"files": 1, "statements": 3, "errors": %d, "warnings": 0, "infos": 0, "unparsed": 0}}
        """
        .formatted(String.join(",", findings), findings.length);
  }

  public static String dropColumnFinding(boolean suppressed) {
    return """
        {"rule": "ban-drop-column", "severity": "error", "category": "compat",
         "message": "Dropping column orders.legacy_ref breaks the release still running",
         "help": "Stop using the column in release N, drop it in release N+1",
         "path": "db/migration/V42__drop_legacy.sql", "line": 3, "column": 1, "endLine": 3,
         "endColumn": 41, "suppressed": %s}
        """
        .formatted(suppressed);
  }

  public static String agentReport(
      String app,
      String env,
      String slot,
      String release,
      String instance,
      String warmup,
      String storage,
      int active) {
    return """
        {"app": "%s", "environment": "%s", "slot": "%s", "release": "%s",
         "instanceId": "%s", "observedAt": "2026-11-26T10:05:00Z", "uptimeSeconds": 312,
         "warmup": {"verdict": "%s", "reasons": [], "signals": {"jitMsPerSec": 1.0}},
         "sessions": {"storage": "%s", "manager": "org.apache.catalina.session.StandardManager",
           "server": "Apache Tomcat/11.0.27", "active": %d, "attributes": 0, "estimatedBytes": 0,
           "nonSerializableAttributes": 0},
         "sql": {"distinct": 214, "truncated": false}}
        """
        .formatted(app, env, slot, release, instance, warmup, storage, active);
  }
}
