package dev.greenlight.samples.shop.web;

import dev.greenlight.samples.shop.store.ShopStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;

/** {@code GET /products}: the catalogue as this release reads it. */
public final class ProductsServlet extends JsonServlet {
  private static final long serialVersionUID = 1L;

  private final transient ShopStore store;

  public ProductsServlet(ShopStore store) {
    this.store = store;
  }

  @Override
  String allowedMethods() {
    return "GET, HEAD";
  }

  @Override
  void get(HttpServletRequest request, HttpServletResponse response)
      throws IOException, SQLException {
    Json.write(response, 200, store.products());
  }
}
