package dev.greenlight.samples.shop.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Release 2's SQL: {@code orders.customer_email} and {@code orders.status}; the description is no
 * longer read, so the contract phase may drop it.
 */
final class ReleaseTwoStore extends JdbcShopStore {

  ReleaseTwoStore(DataSource dataSource) {
    super(dataSource);
  }

  @Override
  String selectProducts() {
    return "SELECT id, sku, name, price_cents FROM products ORDER BY id";
  }

  @Override
  String selectProduct() {
    return "SELECT id, sku, name, price_cents FROM products WHERE id = ?";
  }

  @Override
  Product product(ResultSet row) throws SQLException {
    return new Product(
        row.getLong("id"),
        row.getString("sku"),
        row.getString("name"),
        null,
        row.getInt("price_cents"));
  }

  @Override
  String insertOrder() {
    return "INSERT INTO orders (customer_email, total_cents, status) VALUES (?, ?, 'PLACED')"
        + " RETURNING id, customer_email AS email, status, created_at";
  }

  @Override
  String selectOrdersOf() {
    return "SELECT id, customer_email AS email, total_cents, status, created_at FROM orders"
        + " WHERE customer_email = ? ORDER BY id DESC";
  }
}
