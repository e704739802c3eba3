package dev.greenlight.samples.shop.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.samples.shop.cart.Cart;
import dev.greenlight.samples.shop.store.ShopStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /cart}, {@code POST /cart/items} ({@code {"productId": 1, "quantity": 2}}) and {@code
 * DELETE /cart}: the cart lives in the HTTP session, so it survives a switch only when sessions are
 * shared.
 */
public final class CartServlet extends JsonServlet {
  private static final long serialVersionUID = 1L;

  private final transient ShopStore store;

  public CartServlet(ShopStore store) {
    this.store = store;
  }

  @Override
  String allowedMethods() {
    return "GET, HEAD, POST, DELETE";
  }

  @Override
  void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
    requireCartItself(request);
    HttpSession session = request.getSession(false);
    Cart cart = session == null ? null : (Cart) session.getAttribute(Cart.ATTRIBUTE);
    Json.write(response, 200, view(cart == null ? new Cart() : cart));
  }

  @Override
  void post(HttpServletRequest request, HttpServletResponse response)
      throws IOException, SQLException {
    if (!"/items".equals(request.getPathInfo())) {
      throw new BadRequestException(
          null, "POST goes to /cart/items, not " + request.getRequestURI(), 404);
    }
    JsonNode body = Json.readObject(request);
    long productId = requiredLong(body, "productId");
    int quantity = optionalQuantity(body);
    if (store.product(productId).isEmpty()) {
      throw new BadRequestException("productId", "no product with id " + productId, 404);
    }
    HttpSession session = request.getSession(true);
    Cart cart = (Cart) session.getAttribute(Cart.ATTRIBUTE);
    if (cart == null) {
      cart = new Cart();
    }
    cart.add(productId, quantity);
    // Set again after the change so replicating and persisting managers see it.
    session.setAttribute(Cart.ATTRIBUTE, cart);
    Json.write(response, 200, view(cart));
  }

  @Override
  void delete(HttpServletRequest request, HttpServletResponse response) throws IOException {
    requireCartItself(request);
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(Cart.ATTRIBUTE);
    }
    Json.write(response, 200, view(new Cart()));
  }

  private static void requireCartItself(HttpServletRequest request) {
    String rest = request.getPathInfo();
    if (rest != null && !rest.equals("/")) {
      throw new BadRequestException(null, "no such endpoint: " + request.getRequestURI(), 404);
    }
  }

  static Map<String, Object> view(Cart cart) {
    List<Map<String, Object>> items = new ArrayList<>();
    cart.quantities().forEach((id, qty) -> items.add(Map.of("productId", id, "quantity", qty)));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", items);
    body.put("itemCount", cart.itemCount());
    return body;
  }

  private static long requiredLong(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      throw new BadRequestException(field, field + " is required");
    }
    if (!value.canConvertToLong() || !value.isIntegralNumber()) {
      throw new BadRequestException(field, field + " must be an integer, got " + value);
    }
    return value.asLong();
  }

  private static int optionalQuantity(JsonNode body) {
    JsonNode value = body.get("quantity");
    if (value == null || value.isNull()) {
      return 1;
    }
    if (!value.isIntegralNumber()
        || !value.canConvertToInt()
        || value.asInt() < 1
        || value.asInt() > Cart.MAX_QUANTITY) {
      throw new BadRequestException(
          "quantity",
          "quantity must be an integer from 1 to " + Cart.MAX_QUANTITY + ", got " + value);
    }
    return value.asInt();
  }
}
