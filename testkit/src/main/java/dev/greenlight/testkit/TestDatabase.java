package dev.greenlight.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** One fresh database on the shared test server, owned by a single test class. */
public final class TestDatabase {
  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final String name;
  private final int serverVersionNum;

  TestDatabase(String jdbcUrl, String user, String password, String name, int serverVersionNum) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.name = name;
    this.serverVersionNum = serverVersionNum;
  }

  /** JDBC URL of this database, without credentials. */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** The database name, unique to the test class. */
  public String name() {
    return name;
  }

  /** {@code server_version_num}, e.g. 170006. */
  public int serverVersionNum() {
    return serverVersionNum;
  }

  /** The server's major version, e.g. 17. */
  public int majorVersion() {
    return serverVersionNum / 10000;
  }

  /** Opens a new connection; the caller closes it. */
  public Connection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    if (password != null) {
      props.setProperty("password", password);
    }
    return DriverManager.getConnection(jdbcUrl, props);
  }

  @Override
  public String toString() {
    return name + " on PostgreSQL " + serverVersionNum;
  }
}
