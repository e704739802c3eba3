package dev.greenlight.agent.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.greenlight.agent.report.AgentState;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The agent's own port: {@code /greenlight/report}, {@code /greenlight/health/readiness} and {@code
 * /greenlight/sql}. One daemon thread answers; a slow client cannot reach the host's threads.
 */
public final class AgentEndpoint {
  private final HttpServer server;
  private final ExecutorService executor;

  private AgentEndpoint(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds and starts. Call from a daemon thread: the JDK server's dispatcher thread inherits it, so
   * the endpoint never keeps the host JVM alive.
   */
  public static AgentEndpoint start(String bind, int port, AgentState state) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 16);
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "greenlight-agent-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", exchange -> handle(exchange, state));
    server.start();
    return new AgentEndpoint(server, executor);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void handle(HttpExchange exchange, AgentState state) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath();
      if (!exchange.getRequestMethod().equals("GET")
          && !exchange.getRequestMethod().equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "application/json", error("only GET is supported", "method"));
        return;
      }
      switch (path) {
        case "/greenlight/report":
          send(exchange, 200, "application/json", state.reportJson());
          break;
        case "/greenlight/health/readiness":
          String body = state.readinessJson();
          send(exchange, state.ready() ? 200 : 503, "application/json", body);
          break;
        case "/greenlight/sql":
          send(exchange, 200, "text/plain; charset=utf-8", state.sqlFile());
          break;
        default:
          send(
              exchange,
              404,
              "application/json",
              error(
                  "no such endpoint; try /greenlight/report, /greenlight/health/readiness or"
                      + " /greenlight/sql",
                  "path"));
      }
    } catch (RuntimeException e) {
      send(exchange, 500, "application/json", error("agent error: " + e, "agent"));
    } finally {
      exchange.close();
    }
  }

  private static String error(String message, String field) {
    return new dev.greenlight.agent.json.JsonWriter()
        .beginObject()
        .name("error")
        .value(message)
        .name("field")
        .value(field)
        .endObject()
        .toString();
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
