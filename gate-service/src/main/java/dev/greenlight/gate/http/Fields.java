package dev.greenlight.gate.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.gate.config.Names;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/** Typed access to fields of a JSON body; every failure names the field's path. */
final class Fields {
  private Fields() {}

  static JsonNode object(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw ApiError.badRequest(
          (path.isEmpty() ? "the body" : "'" + path + "'") + " must be a JSON object",
          path.isEmpty() ? "body" : path);
    }
    return node;
  }

  private static String join(String prefix, String field) {
    return prefix.isEmpty() ? field : prefix + "." + field;
  }

  static String requiredText(JsonNode obj, String prefix, String field) {
    return optionalText(obj, prefix, field)
        .orElseThrow(
            () ->
                ApiError.badRequest(
                    "missing field '" + join(prefix, field) + "'", join(prefix, field)));
  }

  static Optional<String> optionalText(JsonNode obj, String prefix, String field) {
    JsonNode v = obj.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw ApiError.badRequest(
          "'" + join(prefix, field) + "' must be a string, not " + kind(v), join(prefix, field));
    }
    return Optional.of(v.textValue());
  }

  static String requiredName(JsonNode obj, String prefix, String field) {
    String value = requiredText(obj, prefix, field);
    if (!Names.valid(value)) {
      throw ApiError.badRequest(
          "'" + join(prefix, field) + "' is not a valid name: " + Names.rule(),
          join(prefix, field));
    }
    return value;
  }

  static Optional<Long> optionalLong(JsonNode obj, String prefix, String field, long min) {
    JsonNode v = obj.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw ApiError.badRequest(
          "'" + join(prefix, field) + "' must be a whole number, not " + kind(v),
          join(prefix, field));
    }
    if (v.longValue() < min) {
      throw ApiError.badRequest(
          "'" + join(prefix, field) + "' must be at least " + min, join(prefix, field));
    }
    return Optional.of(v.longValue());
  }

  static Optional<Boolean> optionalBoolean(JsonNode obj, String prefix, String field) {
    JsonNode v = obj.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isBoolean()) {
      throw ApiError.badRequest(
          "'" + join(prefix, field) + "' must be true or false, not " + kind(v),
          join(prefix, field));
    }
    return Optional.of(v.booleanValue());
  }

  static Instant requiredInstant(JsonNode obj, String prefix, String field) {
    String text = requiredText(obj, prefix, field);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest(
          "'"
              + join(prefix, field)
              + "' must be an ISO-8601 instant like 2026-11-26T10:05:00Z, not '"
              + text
              + "'",
          join(prefix, field));
    }
  }

  static <T> T requiredEnum(
      JsonNode obj,
      String prefix,
      String field,
      Function<String, Optional<T>> parse,
      String known) {
    String text = requiredText(obj, prefix, field);
    return parse
        .apply(text)
        .orElseThrow(
            () ->
                ApiError.badRequest(
                    "'"
                        + join(prefix, field)
                        + "' has unknown value '"
                        + text
                        + "' (one of: "
                        + known
                        + ")",
                    join(prefix, field)));
  }

  static JsonNode optionalObject(JsonNode obj, String prefix, String field) {
    JsonNode v = obj.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw ApiError.badRequest(
          "'" + join(prefix, field) + "' must be an object, not " + kind(v), join(prefix, field));
    }
    return v;
  }

  static JsonNode optionalArray(JsonNode obj, String prefix, String field) {
    JsonNode v = obj.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isArray()) {
      throw ApiError.badRequest(
          "'" + join(prefix, field) + "' must be an array, not " + kind(v), join(prefix, field));
    }
    return v;
  }

  static String kind(JsonNode v) {
    if (v.isTextual()) {
      return "a string";
    }
    if (v.isNumber()) {
      return "a number";
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    if (v.isArray()) {
      return "an array";
    }
    if (v.isObject()) {
      return "an object";
    }
    return "null";
  }
}
