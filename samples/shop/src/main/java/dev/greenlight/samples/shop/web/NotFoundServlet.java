package dev.greenlight.samples.shop.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Every path the shop does not serve: a JSON 404 listing the endpoints. */
public final class NotFoundServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Json.write(
        response,
        404,
        JsonServlet.error(
            "no such endpoint: "
                + request.getRequestURI()
                + " (try GET /health, GET /products, GET|POST|DELETE /cart, POST /cart/items,"
                + " POST /orders, GET /orders?email=)",
            null));
  }
}
