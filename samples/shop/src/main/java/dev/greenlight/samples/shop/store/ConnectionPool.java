package dev.greenlight.samples.shop.store;

import org.apache.tomcat.jdbc.pool.DataSource;
import org.apache.tomcat.jdbc.pool.PoolProperties;

/** Builds the pooled {@link javax.sql.DataSource} the shop and its session store share. */
public final class ConnectionPool {
  private ConnectionPool() {}

  /**
   * A pool of at most {@code maxConnections} to the given PostgreSQL URL; user and password may be
   * null when the URL carries them.
   */
  public static DataSource open(String jdbcUrl, String user, String password, int maxConnections) {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "--jdbc-url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), got: "
              + jdbcUrl);
    }
    PoolProperties p = new PoolProperties();
    p.setUrl(jdbcUrl);
    p.setDriverClassName("org.postgresql.Driver");
    if (user != null) {
      p.setUsername(user);
    }
    if (password != null) {
      p.setPassword(password);
    }
    p.setMaxActive(maxConnections);
    p.setMaxIdle(maxConnections);
    p.setMinIdle(0);
    p.setInitialSize(0);
    p.setMaxWait(5_000);
    // A connection broken by a database restart is replaced instead of failing a request.
    p.setTestOnBorrow(true);
    p.setValidationQuery("SELECT 1");
    p.setValidationInterval(5_000);
    p.setDefaultAutoCommit(true);
    return new DataSource(p);
  }
}
