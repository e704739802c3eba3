package dev.greenlight.samples.shop.session;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.catalina.session.DataSourceStore;

/**
 * Tomcat's {@link DataSourceStore} on the shop's own pool instead of a JNDI name (embedded Tomcat
 * has no naming context unless enabled), writing the {@code tomcat_sessions} table of migration V2.
 *
 * <p>Each store operation runs in one transaction: {@code save} is a DELETE followed by an INSERT,
 * and with autocommit the other slot could load the session between the two and find none.
 */
public final class PooledDataSourceStore extends DataSourceStore {
  private static final Logger LOG = Logger.getLogger(PooledDataSourceStore.class.getName());

  public PooledDataSourceStore(DataSource pool) {
    // DataSourceStore.open() uses this field when no JNDI name is set.
    this.dataSource = pool;
    setSessionTable("tomcat_sessions");
    setSessionIdCol("session_id");
    setSessionValidCol("valid_session");
    setSessionMaxInactiveCol("max_inactive");
    setSessionLastAccessedCol("last_access");
    setSessionAppCol("app_name");
    setSessionDataCol("session_data");
  }

  @Override
  protected Connection open() throws SQLException {
    Connection connection = dataSource.getConnection();
    connection.setAutoCommit(false);
    return connection;
  }

  @Override
  protected void close(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      try {
        connection.commit();
      } catch (SQLException e) {
        LOG.log(Level.WARNING, "session store: commit failed, rolling back", e);
        connection.rollback();
      } finally {
        // The pool hands this connection to the shop's store next, which expects autocommit.
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "session store: could not end the transaction", e);
    } finally {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.log(Level.FINE, "session store: close failed", e);
      }
    }
  }
}
