package dev.greenlight.linter.verify.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A database verify may fill and empty again: its connection details and server major.
 *
 * @param description where it lives, for messages ("embedded PostgreSQL 17 on port 5xxxx")
 */
public record ScratchDatabase(String jdbcUrl, String user, String password, String description) {

  /** Opens a new connection; the caller closes it. */
  public Connection connect() throws SQLException {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("ApplicationName", "greenlight-verify");
    return DriverManager.getConnection(jdbcUrl, props);
  }

  /** The server's major version, e.g. 17. */
  public int serverMajor() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW server_version_num")) {
      rs.next();
      return Integer.parseInt(rs.getString(1)) / 10000;
    }
  }

  /**
   * What the database already holds outside the system schemas, at most a few names; empty when the
   * database is empty (only an empty {@code public} schema).
   */
  public List<String> userObjects() throws SQLException {
    String sql =
        """
        SELECT kind || ' ' || name FROM (
          SELECT 'schema' AS kind, nspname AS name FROM pg_namespace
           WHERE nspname NOT IN ('public', 'information_schema')
             AND nspname NOT LIKE 'pg\\_%'
          UNION ALL
          SELECT CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view'
                   WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence' ELSE 'relation' END,
                 n.nspname || '.' || c.relname
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public'
          UNION ALL
          SELECT 'function', n.nspname || '.' || p.proname
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'public'
          UNION ALL
          SELECT 'type', n.nspname || '.' || t.typname
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
           WHERE n.nspname = 'public' AND t.typrelid = 0 AND t.typelem = 0
        ) objects ORDER BY 1 LIMIT 5
        """;
    List<String> found = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        found.add(rs.getString(1));
      }
    }
    return found;
  }

  /**
   * Drops everything made since {@code before} was taken: new schemas entirely, and new relations,
   * types and functions in schemas that existed before.
   */
  public void dropCreatedSince(CatalogSnapshot before) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String extension : CatalogSnapshot.take(c).extensionsNotIn(before)) {
        s.execute("DROP EXTENSION IF EXISTS " + quote(extension) + " CASCADE");
      }
      for (String schema : CatalogSnapshot.take(c).schemasNotIn(before)) {
        s.execute("DROP SCHEMA IF EXISTS " + quote(schema) + " CASCADE");
      }
      for (String drop : CatalogSnapshot.take(c).dropStatementsForObjectsNotIn(before)) {
        s.execute(drop);
      }
    }
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
