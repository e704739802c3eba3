package dev.greenlight.samples.shop.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.samples.shop.cart.Cart;
import dev.greenlight.samples.shop.store.PlacedOrder;
import dev.greenlight.samples.shop.store.ShopStore;
import dev.greenlight.samples.shop.store.UnknownProductException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.sql.SQLException;

/**
 * {@code POST /orders} ({@code {"email": "…"}}) turns the session's cart into an order; {@code GET
 * /orders?email=…} lists a customer's orders.
 */
public final class OrdersServlet extends JsonServlet {
  private static final long serialVersionUID = 1L;
  private static final int MAX_EMAIL_LENGTH = 254;

  private final transient ShopStore store;

  public OrdersServlet(ShopStore store) {
    this.store = store;
  }

  @Override
  String allowedMethods() {
    return "GET, HEAD, POST";
  }

  @Override
  void get(HttpServletRequest request, HttpServletResponse response)
      throws IOException, SQLException {
    String email = email(request.getParameter("email"), "email");
    Json.write(response, 200, store.ordersOf(email));
  }

  @Override
  void post(HttpServletRequest request, HttpServletResponse response)
      throws IOException, SQLException {
    JsonNode body = Json.readObject(request);
    JsonNode emailNode = body.get("email");
    String email =
        email(emailNode == null || !emailNode.isTextual() ? null : emailNode.asText(), "email");
    HttpSession session = request.getSession(false);
    Cart cart = session == null ? null : (Cart) session.getAttribute(Cart.ATTRIBUTE);
    if (cart == null || cart.isEmpty()) {
      throw new BadRequestException(
          "cart", "the cart is empty: add items with POST /cart/items", 409);
    }
    PlacedOrder order;
    try {
      order = store.placeOrder(email, cart.quantities());
    } catch (UnknownProductException e) {
      throw new BadRequestException("cart", e.getMessage(), 409);
    }
    cart.clear();
    session.setAttribute(Cart.ATTRIBUTE, cart);
    response.setHeader(
        "Location",
        "/orders?email="
            + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8));
    Json.write(response, 201, order);
  }

  private static String email(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new BadRequestException(field, field + " is required");
    }
    String email = value.trim();
    int at = email.indexOf('@');
    if (email.length() > MAX_EMAIL_LENGTH || at <= 0 || at == email.length() - 1) {
      throw new BadRequestException(field, "not an e-mail address: " + value);
    }
    return email;
  }
}
