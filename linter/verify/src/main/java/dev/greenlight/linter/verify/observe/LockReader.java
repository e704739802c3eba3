package dev.greenlight.linter.verify.observe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads the relation locks of another backend from {@code pg_locks}. It runs on its own connection:
 * {@code pg_locks} reads the lock table in shared memory, so it sees the migration's locks even
 * before its transaction commits.
 */
public final class LockReader implements AutoCloseable {
  private final PreparedStatement query;

  public LockReader(Connection observer) throws SQLException {
    this.query =
        observer.prepareStatement(
            "SELECT relation::bigint, mode, granted FROM pg_locks"
                + " WHERE pid = ? AND locktype = 'relation'"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
  }

  /** The relation locks the backend holds or waits for right now. */
  public Set<HeldLock> locksOf(int pid) throws SQLException {
    Set<HeldLock> locks = new LinkedHashSet<>();
    query.setInt(1, pid);
    try (ResultSet rs = query.executeQuery()) {
      while (rs.next()) {
        LockMode mode = LockMode.fromPgName(rs.getString(2));
        if (mode != null) {
          locks.add(new HeldLock(rs.getLong(1), mode, rs.getBoolean(3)));
        }
      }
    }
    return locks;
  }

  @Override
  public void close() throws SQLException {
    query.close();
  }
}
