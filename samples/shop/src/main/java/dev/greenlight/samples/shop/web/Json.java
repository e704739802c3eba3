package dev.greenlight.samples.shop.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The one place that configures Jackson for the shop, and reads and writes JSON bodies. */
final class Json {
  /** Request bodies above this size are refused. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private Json() {}

  /**
   * Writes the body into the response buffer without a Content-Length, so Tomcat sends it only
   * after the whole pipeline ran — including the PersistentValve's save of a shared session. A
   * client that goes to the other slot right after this answer then finds the session saved.
   */
  static void write(HttpServletResponse response, int status, Object body) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    byte[] bytes = MAPPER.writeValueAsBytes(body);
    if (bytes.length >= response.getBufferSize()) {
      response.setBufferSize(bytes.length + 1);
    }
    response.getOutputStream().write(bytes);
  }

  /** The request's JSON object, or a {@link BadRequestException} saying what is wrong with it. */
  static JsonNode readObject(HttpServletRequest request) throws IOException {
    String type = request.getContentType();
    if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new BadRequestException("Content-Type", "expected application/json, got " + type, 415);
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      throw new BadRequestException("body", "larger than " + MAX_BODY_BYTES + " bytes", 413);
    }
    if (body.length == 0) {
      throw new BadRequestException("body", "a JSON object is required");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      String where =
          location == null
              ? ""
              : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      throw new BadRequestException(
          "body", "not valid JSON" + where + ": " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new BadRequestException("body", "expected a JSON object");
    }
    return node;
  }
}
