package dev.greenlight.samples.shop.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Base of every endpoint: dispatches GET and POST, maps client mistakes to 4xx JSON ({@code
 * {"error", "field"}}) and database failures to a 500 that quotes PostgreSQL's message — what a
 * release running against an incompatible schema gets.
 */
abstract class JsonServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(JsonServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      switch (request.getMethod()) {
        case "GET", "HEAD" -> get(request, response);
        case "POST" -> post(request, response);
        case "DELETE" -> delete(request, response);
        default -> throw notAllowed(request);
      }
    } catch (BadRequestException e) {
      if (e.status() == 405) {
        response.setHeader("Allow", allowedMethods());
      }
      Json.write(response, e.status(), error(e.getMessage(), e.field()));
    } catch (SQLException e) {
      LOG.log(Level.WARNING, request.getMethod() + " " + request.getRequestURI() + " failed", e);
      Map<String, Object> body = error("database error: " + e.getMessage(), null);
      body.put("sqlState", e.getSQLState());
      Json.write(response, 500, body);
    }
  }

  /** The methods this endpoint answers, for the {@code Allow} header of a 405. */
  abstract String allowedMethods();

  void get(HttpServletRequest request, HttpServletResponse response)
      throws IOException, SQLException {
    throw notAllowed(request);
  }

  void post(HttpServletRequest request, HttpServletResponse response)
      throws IOException, SQLException {
    throw notAllowed(request);
  }

  void delete(HttpServletRequest request, HttpServletResponse response)
      throws IOException, SQLException {
    throw notAllowed(request);
  }

  private static BadRequestException notAllowed(HttpServletRequest request) {
    return new BadRequestException(
        null, request.getMethod() + " is not allowed on " + request.getRequestURI(), 405);
  }

  static Map<String, Object> error(String message, String field) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    if (field != null) {
      body.put("field", field);
    }
    return body;
  }
}
