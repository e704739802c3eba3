package dev.greenlight.agent.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  @Test
  void writesNestedObjectsArraysAndEscapes() throws Exception {
    String json =
        new JsonWriter()
            .beginObject()
            .name("s")
            .value("quote \" backslash \\ newline \n tab \t bell \u0007")
            .name("n")
            .value(42)
            .name("d")
            .value(12.345)
            .name("nan")
            .value(Double.NaN)
            .name("none")
            .value((String) null)
            .name("list")
            .stringArray(List.of("a", "b"))
            .name("empty")
            .beginObject()
            .endObject()
            .name("nested")
            .beginArray()
            .beginObject()
            .name("x")
            .value(true)
            .endObject()
            .value(1)
            .endArray()
            .endObject()
            .toString();
    JsonNode node = new ObjectMapper().readTree(json);
    assertThat(node.get("s").asText())
        .isEqualTo("quote \" backslash \\ newline \n tab \t bell \u0007");
    assertThat(node.get("n").asInt()).isEqualTo(42);
    assertThat(node.get("d").asDouble()).isEqualTo(12.3);
    assertThat(node.get("nan").isNull()).isTrue();
    assertThat(node.get("none").isNull()).isTrue();
    assertThat(node.get("list").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(node.get("empty").size()).isZero();
    assertThat(node.get("nested").toString()).isEqualTo("[{\"x\":true},1]");
  }
}
