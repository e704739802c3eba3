package dev.greenlight.linter.engine.upload;

import dev.greenlight.linter.engine.format.JsonRenderer;
import dev.greenlight.linter.engine.format.RenderOptions;
import dev.greenlight.linter.report.Report;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends a report to the gate as evidence: {@code PUT} of the JSON report to a URL such as {@code
 * http://gate:8470/v1/apps/shop/releases/1.4.2/lint-report}, with a bearer token of role {@code
 * ci}.
 */
public final class ReportUpload {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private ReportUpload() {}

  /** A failed upload: the message says where and why. */
  public static final class UploadException extends Exception {
    private static final long serialVersionUID = 1L;

    public UploadException(String message) {
      super(message);
    }
  }

  /**
   * Uploads {@code report} as JSON and returns the status code (2xx).
   *
   * @param token the bearer token, or null/blank for none
   */
  public static int put(String url, String token, Report report) throws UploadException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new UploadException("--upload " + url + ": not a URL (" + e.getReason() + ")");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new UploadException("--upload " + url + ": only http and https URLs are supported");
    }
    String body = new JsonRenderer().renderToString(report, RenderOptions.defaults());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body));
    if (token != null && !token.isBlank()) {
      request.header("Authorization", "Bearer " + token.strip());
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      if (status / 100 != 2) {
        String answer = response.body().strip();
        if (answer.length() > 300) {
          answer = answer.substring(0, 300) + "…";
        }
        throw new UploadException(
            "--upload "
                + url
                + ": the server answered "
                + status
                + (answer.isEmpty() ? "" : ": " + answer));
      }
      return status;
    } catch (IOException e) {
      throw new UploadException(
          "--upload " + url + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UploadException("--upload " + url + ": interrupted");
    }
  }
}
