package dev.greenlight.samples.shop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What both releases share: transactions, prices and order lines. The SQL that touches the columns
 * which change between releases lives in {@link ReleaseOneStore} and {@link ReleaseTwoStore}.
 */
abstract class JdbcShopStore implements ShopStore {
  private static final String PRICES = "SELECT id, price_cents FROM products WHERE id = ANY (?)";
  private static final String INSERT_LINE =
      "INSERT INTO order_lines (order_id, product_id, quantity, price_cents) VALUES (?, ?, ?, ?)";
  private static final String LINES_OF =
      "SELECT order_id, product_id, quantity, price_cents FROM order_lines"
          + " WHERE order_id = ANY (?) ORDER BY order_id, product_id";

  private final DataSource dataSource;

  JdbcShopStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** {@code SELECT …} of every product, ordered by id; read by {@link #product(ResultSet)}. */
  abstract String selectProducts();

  /** The same select, restricted to one id as its only parameter. */
  abstract String selectProduct();

  abstract Product product(ResultSet row) throws SQLException;

  /** Inserts one order from (email, total cents), returning id, email, status and created_at. */
  abstract String insertOrder();

  /** Selects orders for an e-mail address (one parameter), newest first, same columns. */
  abstract String selectOrdersOf();

  @Override
  public List<Product> products() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(selectProducts());
        ResultSet rs = s.executeQuery()) {
      List<Product> products = new ArrayList<>();
      while (rs.next()) {
        products.add(product(rs));
      }
      return products;
    }
  }

  @Override
  public Optional<Product> product(long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(selectProduct())) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(product(rs)) : Optional.empty();
      }
    }
  }

  @Override
  public PlacedOrder placeOrder(String email, Map<Long, Integer> quantities) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        PlacedOrder order = placeOrder(c, email, quantities);
        c.commit();
        return order;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  private PlacedOrder placeOrder(Connection c, String email, Map<Long, Integer> quantities)
      throws SQLException {
    Map<Long, Integer> prices = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement(PRICES)) {
      s.setArray(1, c.createArrayOf("bigint", quantities.keySet().toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          prices.put(rs.getLong(1), rs.getInt(2));
        }
      }
    }
    long total = 0;
    List<OrderLine> lines = new ArrayList<>();
    for (Map.Entry<Long, Integer> item : quantities.entrySet()) {
      Integer price = prices.get(item.getKey());
      if (price == null) {
        throw new UnknownProductException(item.getKey());
      }
      total += (long) price * item.getValue();
      lines.add(new OrderLine(item.getKey(), item.getValue(), price));
    }
    PlacedOrder header;
    try (PreparedStatement s = c.prepareStatement(insertOrder())) {
      s.setString(1, email);
      s.setLong(2, total);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        header = order(rs, total, List.of());
      }
    }
    try (PreparedStatement s = c.prepareStatement(INSERT_LINE)) {
      for (OrderLine line : lines) {
        s.setLong(1, header.id());
        s.setLong(2, line.productId());
        s.setInt(3, line.quantity());
        s.setInt(4, line.priceCents());
        s.addBatch();
      }
      s.executeBatch();
    }
    return new PlacedOrder(
        header.id(), header.email(), total, header.status(), header.createdAt(), lines);
  }

  @Override
  public List<PlacedOrder> ordersOf(String email) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      Map<Long, PlacedOrder> orders = new LinkedHashMap<>();
      try (PreparedStatement s = c.prepareStatement(selectOrdersOf())) {
        s.setString(1, email);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            PlacedOrder o = order(rs, rs.getLong("total_cents"), new ArrayList<>());
            orders.put(o.id(), o);
          }
        }
      }
      if (!orders.isEmpty()) {
        try (PreparedStatement s = c.prepareStatement(LINES_OF)) {
          s.setArray(1, c.createArrayOf("bigint", orders.keySet().toArray()));
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              orders
                  .get(rs.getLong(1))
                  .lines()
                  .add(new OrderLine(rs.getLong(2), rs.getInt(3), rs.getInt(4)));
            }
          }
        }
      }
      return List.copyOf(orders.values());
    }
  }

  private static PlacedOrder order(ResultSet rs, long total, List<OrderLine> lines)
      throws SQLException {
    return new PlacedOrder(
        rs.getLong("id"),
        rs.getString("email"),
        total,
        rs.getString("status"),
        rs.getObject("created_at", OffsetDateTime.class),
        lines);
  }

  @Override
  public void ping() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SELECT 1");
    }
  }
}
