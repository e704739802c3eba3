package dev.greenlight.linter.verify.observe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Rows read by sequential scans per table in the current transaction ({@code
 * pg_stat_xact_user_tables}), read on the migration's own connection. A statement that scans a
 * table (validating a constraint, building an index, checking NOT NULL) reads its rows; a
 * catalog-only change reads none.
 */
public final class TableScans {
  private final Map<Long, Long> rowsRead;

  private TableScans(Map<Long, Long> rowsRead) {
    this.rowsRead = rowsRead;
  }

  public static TableScans take(Connection c) throws SQLException {
    Map<Long, Long> rows = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT relid::bigint, COALESCE(seq_tup_read, 0) + COALESCE(idx_tup_fetch, 0)"
                    + " FROM pg_stat_xact_user_tables")) {
      while (rs.next()) {
        rows.put(rs.getLong(1), rs.getLong(2));
      }
    }
    return new TableScans(rows);
  }

  /** Tables whose rows were read between {@code before} and this snapshot. */
  public Set<Long> scannedSince(TableScans before) {
    Set<Long> scanned = new HashSet<>();
    for (Map.Entry<Long, Long> e : rowsRead.entrySet()) {
      if (e.getValue() > before.rowsRead.getOrDefault(e.getKey(), 0L)) {
        scanned.add(e.getKey());
      }
    }
    return scanned;
  }
}
