package dev.greenlight.linter.verify.compat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PREPAREs a query to learn whether the schema still supports it: parse analysis resolves every
 * table, column, function and type and infers the {@code $n} parameter types, without running it.
 * Inside an open transaction the attempt runs in a savepoint that is rolled back, so it neither
 * aborts the transaction nor keeps the locks it took.
 */
public final class QueryProbe {
  private static final String NAME = "greenlight_probe";

  private QueryProbe() {}

  /** Null when the query prepares; else the server's error message. */
  public static String prepare(Connection c, String sql, boolean inTransaction)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      if (inTransaction) {
        s.execute("SAVEPOINT " + NAME);
      }
      try {
        s.execute("PREPARE " + NAME + " AS " + stripTerminator(sql));
        s.execute("DEALLOCATE " + NAME);
        return null;
      } catch (SQLException e) {
        return firstLine(e.getMessage());
      } finally {
        if (inTransaction) {
          s.execute("ROLLBACK TO SAVEPOINT " + NAME);
          s.execute("RELEASE SAVEPOINT " + NAME);
        }
      }
    }
  }

  private static String stripTerminator(String sql) {
    String s = sql.strip();
    while (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    return s;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.startsWith("ERROR: ") ? line.substring("ERROR: ".length()) : line;
  }
}
