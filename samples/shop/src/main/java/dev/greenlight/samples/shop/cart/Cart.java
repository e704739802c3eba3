package dev.greenlight.samples.shop.cart;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Product id → quantity, kept in the HTTP session under {@link #ATTRIBUTE}. Serializable with a
 * fixed {@code serialVersionUID} so both releases read the carts the other one stored.
 */
public final class Cart implements Serializable {
  /** The session attribute that holds the cart. */
  public static final String ATTRIBUTE = "cart";

  /** Largest quantity of one product in a cart. */
  public static final int MAX_QUANTITY = 1000;

  private static final long serialVersionUID = 1L;

  private final LinkedHashMap<Long, Integer> quantities = new LinkedHashMap<>();

  /** Adds to the quantity of a product, capped at {@link #MAX_QUANTITY}; returns the new one. */
  public synchronized int add(long productId, int quantity) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("quantity must be positive, got " + quantity);
    }
    return quantities.merge(productId, quantity, (a, b) -> Math.min(MAX_QUANTITY, a + b));
  }

  /** A copy of the quantities, in the order products were first added. */
  public synchronized Map<Long, Integer> quantities() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(quantities));
  }

  public synchronized int itemCount() {
    return quantities.values().stream().mapToInt(Integer::intValue).sum();
  }

  public synchronized boolean isEmpty() {
    return quantities.isEmpty();
  }

  public synchronized void clear() {
    quantities.clear();
  }
}
