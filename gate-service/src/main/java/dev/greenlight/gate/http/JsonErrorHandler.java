package dev.greenlight.gate.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals (a request line it cannot parse, a NUL in the path) would be HTML; the
 * gate's contract is {@code {"error", "field"}} for every 4xx.
 */
public final class JsonErrorHandler extends ErrorHandler {
  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    Object message = request.getAttribute(ERROR_MESSAGE);
    String text =
        "the server refused the request"
            + (message == null ? "" : ": " + message)
            + " (HTTP "
            + status
            + ")";
    byte[] body = Json.write(Views.error(text, status == 400 ? "path" : null));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }
}
