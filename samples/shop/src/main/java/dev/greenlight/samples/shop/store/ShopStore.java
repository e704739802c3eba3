package dev.greenlight.samples.shop.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The shop's database access; each release has its own SQL for the same operations. */
public interface ShopStore {

  /** The catalogue, ordered by id. */
  List<Product> products() throws SQLException;

  /** One product, if it exists. */
  Optional<Product> product(long id) throws SQLException;

  /**
   * Places an order for the given quantities (product id → quantity) in one transaction, at the
   * current prices.
   *
   * @throws UnknownProductException when a product no longer exists
   */
  PlacedOrder placeOrder(String email, Map<Long, Integer> quantities) throws SQLException;

  /** The orders placed with this e-mail address, newest first. */
  List<PlacedOrder> ordersOf(String email) throws SQLException;

  /** Runs {@code SELECT 1}: the database answers. */
  void ping() throws SQLException;
}
