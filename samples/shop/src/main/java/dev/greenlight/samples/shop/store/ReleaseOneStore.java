package dev.greenlight.samples.shop.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Release 1's SQL: {@code orders.email}, {@code products.description}, no order status. */
final class ReleaseOneStore extends JdbcShopStore {

  ReleaseOneStore(DataSource dataSource) {
    super(dataSource);
  }

  @Override
  String selectProducts() {
    return "SELECT id, sku, name, description, price_cents FROM products ORDER BY id";
  }

  @Override
  String selectProduct() {
    return "SELECT id, sku, name, description, price_cents FROM products WHERE id = ?";
  }

  @Override
  Product product(ResultSet row) throws SQLException {
    return new Product(
        row.getLong("id"),
        row.getString("sku"),
        row.getString("name"),
        row.getString("description"),
        row.getInt("price_cents"));
  }

  @Override
  String insertOrder() {
    return "INSERT INTO orders (email, total_cents) VALUES (?, ?)"
        + " RETURNING id, email, NULL::text AS status, created_at";
  }

  @Override
  String selectOrdersOf() {
    return "SELECT id, email, total_cents, NULL::text AS status, created_at FROM orders"
        + " WHERE email = ? ORDER BY id DESC";
  }
}
