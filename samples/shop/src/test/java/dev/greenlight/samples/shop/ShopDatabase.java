package dev.greenlight.samples.shop;

import dev.greenlight.samples.shop.migration.MigrationPath;
import dev.greenlight.samples.shop.migration.Migrations;
import dev.greenlight.samples.shop.server.ShopConfig;
import dev.greenlight.samples.shop.server.ShopServer;
import dev.greenlight.samples.shop.session.SessionMode;
import dev.greenlight.samples.shop.store.ConnectionPool;
import dev.greenlight.samples.shop.store.Release;
import dev.greenlight.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.tomcat.jdbc.pool.DataSource;

/** A test database seen through the shop's own pool: migrate it, start releases on it. */
final class ShopDatabase implements AutoCloseable {
  final TestDatabase db;
  final DataSource pool;

  ShopDatabase(TestDatabase db) {
    this.db = db;
    this.pool = ConnectionPool.open(db.jdbcUrl(), db.user(), db.password(), 10);
  }

  List<String> migrate(MigrationPath path) {
    return Migrations.apply(pool, path, null);
  }

  ShopServer start(Release release, String slot, SessionMode sessions) {
    return ShopServer.start(ShopConfig.local(release, slot, sessions), pool);
  }

  /** The rows of a query, each row's columns joined with " | ". */
  List<String> rows(String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(i > 1 ? " | " : "").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
      return rows;
    }
  }

  void execute(String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public void close() {
    pool.close(true);
  }
}
