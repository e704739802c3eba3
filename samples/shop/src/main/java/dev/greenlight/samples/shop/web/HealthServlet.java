package dev.greenlight.samples.shop.web;

import dev.greenlight.samples.shop.store.ShopStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /health}: 200 UP when the database answers, else 503 DOWN with the reason. */
public final class HealthServlet extends JsonServlet {
  private static final long serialVersionUID = 1L;

  private final transient ShopStore store;
  private final Map<String, Object> identity;

  public HealthServlet(ShopStore store, Map<String, Object> identity) {
    this.store = store;
    this.identity = Map.copyOf(identity);
  }

  @Override
  String allowedMethods() {
    return "GET, HEAD";
  }

  @Override
  void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    int status;
    try {
      store.ping();
      body.put("status", "UP");
      body.put("database", "UP");
      status = 200;
    } catch (SQLException e) {
      body.put("status", "DOWN");
      body.put("database", "DOWN: " + e.getMessage());
      status = 503;
    }
    body.putAll(identity);
    Json.write(response, status, body);
  }
}
