package dev.greenlight.linter.engine.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.greenlight.linter.engine.testing.SampleReports;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Uploads to a real HTTP server (the JDK's) on a free port. */
class ReportUploadTest {
  private HttpServer server;
  private final AtomicReference<String> method = new AtomicReference<>();
  private final AtomicReference<String> auth = new AtomicReference<>();
  private final AtomicReference<String> body = new AtomicReference<>();
  private volatile int status = 204;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/apps/shop/releases/1.4.2/lint-report",
        exchange -> {
          method.set(exchange.getRequestMethod());
          auth.set(exchange.getRequestHeaders().getFirst("Authorization"));
          body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] answer =
              status == 204
                  ? new byte[0]
                  : "{\"error\": \"token lacks role ci\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, status == 204 ? -1 : answer.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:"
        + server.getAddress().getPort()
        + "/v1/apps/shop/releases/1.4.2/lint-report";
  }

  @Test
  void putsTheJsonReportWithTheBearerToken() throws Exception {
    assertThat(ReportUpload.put(url(), "s3cret", SampleReports.mixed())).isEqualTo(204);
    assertThat(method.get()).isEqualTo("PUT");
    assertThat(auth.get()).isEqualTo("Bearer s3cret");
    assertThat(body.get()).startsWith("{\n  \"tool\": {").contains("\"rule\": \"ban-drop-column\"");
  }

  @Test
  void errorStatusIsReportedWithTheServersAnswer() {
    status = 403;
    assertThatThrownBy(() -> ReportUpload.put(url(), "s3cret", SampleReports.mixed()))
        .hasMessage(
            "--upload "
                + url()
                + ": the server answered 403: {\"error\": \"token lacks role ci\"}");
  }

  @Test
  void unreachableAndMalformedUrlsAreClearErrors() {
    server.stop(0);
    assertThatThrownBy(() -> ReportUpload.put(url(), null, SampleReports.clean()))
        .hasMessageStartingWith("--upload " + url() + ": ConnectException");
    assertThatThrownBy(() -> ReportUpload.put("ftp://x/y", null, SampleReports.clean()))
        .hasMessage("--upload ftp://x/y: only http and https URLs are supported");
  }
}
