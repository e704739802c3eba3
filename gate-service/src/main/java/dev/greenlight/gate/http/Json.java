package dev.greenlight.gate.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** The one place Jackson is configured: strict reading, plain writing. */
public final class Json {
  /** Shared, thread-safe mapper. */
  public static final ObjectMapper MAPPER = build();

  private Json() {}

  private static ObjectMapper build() {
    ObjectMapper m =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();
    m.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxStringLength(4 * 1024 * 1024)
                .maxNumberLength(64)
                .build());
    return m;
  }

  /** Parses a request body; malformed JSON becomes a 400 naming line and column. */
  public static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      throw ApiError.badRequest("the request body is empty; a JSON object is expected", "body");
    }
    try (JsonParser p = MAPPER.createParser(body)) {
      JsonNode node = MAPPER.readTree(p);
      if (node == null || node.isMissingNode()) {
        throw ApiError.badRequest("the request body is empty; a JSON object is expected", "body");
      }
      return node;
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String where =
          loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw ApiError.badRequest("malformed JSON" + where + ": " + e.getOriginalMessage(), "body");
    } catch (IOException e) {
      throw ApiError.badRequest("unreadable JSON body: " + e.getMessage(), "body");
    }
  }

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response objects are plain maps and lists", e);
    }
  }
}
