package dev.greenlight.agent.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server standing in for the gate (which another module implements): it records every
 * request and can answer slowly or with garbage. A test peer, not a mock of agent code.
 */
final class GatePeer implements AutoCloseable {
  enum Behaviour {
    OK,
    SLOW,
    GARBAGE
  }

  record Received(
      String method, String path, String authorization, String contentType, String body) {}

  final List<Received> received = new CopyOnWriteArrayList<>();
  volatile Behaviour behaviour;
  private final HttpServer server;

  GatePeer(Behaviour behaviour) throws IOException {
    this.behaviour = behaviour;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  body));
          try {
            switch (this.behaviour) {
              case SLOW -> {
                Thread.sleep(10_000);
                respond(exchange, 200, "{}");
              }
              case GARBAGE -> respond(exchange, 502, "<html>\u0000\u0001 not json at all");
              default -> respond(exchange, 202, "{\"accepted\":true}");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (IOException clientGone) {
            // the agent timed out and closed the connection: that is the point of SLOW
          } finally {
            exchange.close();
          }
        });
    server.start();
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Received> posts() {
    return received.stream().filter(r -> r.method().equals("POST")).toList();
  }

  List<Received> puts() {
    return received.stream().filter(r -> r.method().equals("PUT")).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
