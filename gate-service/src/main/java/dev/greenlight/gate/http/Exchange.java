package dev.greenlight.gate.http;

import dev.greenlight.gate.config.Names;
import dev.greenlight.gate.decision.Slot;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reading path names, query parameters and bounded bodies, with 4xx errors that say where. */
final class Exchange {
  static final int SMALL_BODY = 64 * 1024;
  static final int AGENT_REPORT = 256 * 1024;
  static final int REPORT = 8 * 1024 * 1024;
  static final int SQL = 16 * 1024 * 1024;

  private Exchange() {}

  /** A path parameter that must be a valid name ({@code app}, {@code env}, {@code release}). */
  static String name(Context ctx, String param) {
    String value = ctx.pathParam(param);
    if (!Names.valid(value)) {
      throw ApiError.badRequest(
          "path parameter '" + param + "' is not a valid name: " + Names.rule(), param);
    }
    return value;
  }

  static String optionalName(Context ctx, String param) {
    String value = ctx.queryParam(param);
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (!Names.valid(value)) {
      throw ApiError.badRequest(
          "query parameter '" + param + "' is not a valid name: " + Names.rule(), param);
    }
    return value;
  }

  static Slot optionalSlot(Context ctx, String param) {
    String value = ctx.queryParam(param);
    if (value == null || value.isEmpty()) {
      return null;
    }
    return Slot.parse(value)
        .orElseThrow(
            () ->
                ApiError.badRequest(
                    "'" + param + "' must be blue or green, not '" + value + "'", param));
  }

  /** The body, refused with 413 when larger than {@code limit} bytes. */
  static byte[] body(Context ctx, int limit) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      throw new ApiError(
          413,
          "the body has " + declared + " bytes; at most " + limit + " are accepted here",
          "body");
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes(limit + 1);
      if (body.length > limit) {
        throw new ApiError(413, "the body is larger than " + limit + " bytes", "body");
      }
      return body;
    } catch (IOException e) {
      throw ApiError.badRequest("the body could not be read: " + e.getMessage(), "body");
    }
  }

  static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw ApiError.badRequest("the body is not valid UTF-8", "body");
    }
  }

  static void json(Context ctx, int status, byte[] json) {
    ctx.status(status).contentType("application/json").result(json);
  }

  static void json(Context ctx, int status, Object value) {
    json(ctx, status, Json.write(value));
  }
}
