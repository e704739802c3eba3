package dev.greenlight.samples.integrations;

import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request an integration file makes to the gate, with the gate's base URL split off so a
 * test can send it to a real gate.
 *
 * @param source the file that makes it
 * @param baseUrl scheme, host and port as written in the file
 * @param method HTTP method
 * @param path path below the base URL
 * @param query query parameters, sorted by name
 * @param headers request headers, sorted by name
 * @param body the request body, or null
 */
record GateCall(
    String source,
    String baseUrl,
    String method,
    String path,
    Map<String, String> query,
    Map<String, String> headers,
    String body) {

  GateCall {
    query = new TreeMap<>(query);
    headers = new TreeMap<>(headers);
  }

  /** Splits a full URL into base, path and query. */
  static GateCall of(
      String source, String method, String url, Map<String, String> headers, String body) {
    int pathStart = url.indexOf('/', url.indexOf("://") + 3);
    String base = url.substring(0, pathStart);
    String rest = url.substring(pathStart);
    int q = rest.indexOf('?');
    Map<String, String> query = new TreeMap<>();
    if (q >= 0) {
      for (String pair : rest.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        query.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
      rest = rest.substring(0, q);
    }
    return new GateCall(source, base, method, rest, query, headers, body);
  }

  /** The path and query, as sent. */
  String target() {
    StringBuilder t = new StringBuilder(path);
    String sep = "?";
    for (Map.Entry<String, String> e : query.entrySet()) {
      t.append(sep).append(e.getKey()).append('=').append(e.getValue());
      sep = "&";
    }
    return t.toString();
  }
}
