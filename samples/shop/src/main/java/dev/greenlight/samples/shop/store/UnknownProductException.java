package dev.greenlight.samples.shop.store;

/** A cart names a product that is not (or no longer) in the catalogue. */
public final class UnknownProductException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long productId;

  public UnknownProductException(long productId) {
    super("no product with id " + productId);
    this.productId = productId;
  }

  public long productId() {
    return productId;
  }
}
