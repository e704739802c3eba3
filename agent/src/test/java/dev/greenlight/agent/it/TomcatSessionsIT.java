package dev.greenlight.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Embedded Tomcat 11 with in-memory sessions, one forked JVM for the class. The methods run in
 * order because they build on each other's sessions.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TomcatSessionsIT {
  static ForkedApp app;

  @BeforeAll
  static void start() throws Exception {
    app =
        new ForkedApp.Spec("dev.greenlight.agent.testapps.TomcatApp")
            .classpath(ForkedApp.tomcat11Classpath())
            .agentArgs(
                "app=shop,env=test,slot=green,release=1.4.2,instance=shop-green-1,session-scan-interval=1")
            .start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
  }

  @Test
  @Order(1)
  void reportFollowsTheContractBeforeAnySession() throws Exception {
    assertThat(app.get("/hello")).isEqualTo("hello");
    JsonNode r =
        app.awaitReport(
            j ->
                j.at("/sessions/server").asText().startsWith("Apache Tomcat/11")
                    && j.at("/warmup/signals/requests").asLong() >= 1,
            Duration.ofSeconds(20));
    assertThat(r.get("app").asText()).isEqualTo("shop");
    assertThat(r.get("environment").asText()).isEqualTo("test");
    assertThat(r.get("slot").asText()).isEqualTo("green");
    assertThat(r.get("release").asText()).isEqualTo("1.4.2");
    assertThat(r.get("instanceId").asText()).isEqualTo("shop-green-1");
    assertThat(r.get("observedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(r.get("uptimeSeconds").asLong()).isGreaterThanOrEqualTo(0);
    assertThat(r.at("/warmup/verdict").asText()).isEqualTo("INSUFFICIENT_DATA");
    assertThat(r.at("/warmup/reasons").size()).isPositive();
    assertThat(r.at("/warmup/signals/requests").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(r.at("/sessions/storage").asText()).isEqualTo("NONE");
    assertThat(r.at("/sessions/configuredStorage").asText()).isEqualTo("IN_MEMORY");
    assertThat(r.at("/sessions/manager").asText())
        .isEqualTo("org.apache.catalina.session.StandardManager");
    assertThat(r.at("/sql/distinct").asInt()).isZero();
    assertThat(r.at("/sql/truncated").asBoolean()).isFalse();
  }

  @Test
  @Order(2)
  void readinessIsOutOfServiceWhileColdInTheHealthShape() throws Exception {
    HttpResponse<String> r = app.agent("/greenlight/health/readiness");
    assertThat(r.statusCode()).isEqualTo(503);
    JsonNode body = ForkedApp.JSON.readTree(r.body());
    assertThat(body.get("status").asText()).isEqualTo("OUT_OF_SERVICE");
    assertThat(body.at("/checks/0/name").asText()).isEqualTo("warmup");
    assertThat(body.at("/checks/0/data/verdict").asText()).isEqualTo("INSUFFICIENT_DATA");
    assertThat(app.agent("/nope").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(3)
  void countsInMemorySessionsAttributesAndBytes() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(app.get("/login?user=u" + i)).startsWith("logged in");
    }
    JsonNode r =
        app.awaitReport(j -> j.at("/sessions/active").asLong() == 5, Duration.ofSeconds(20));
    assertThat(r.at("/sessions/storage").asText()).isEqualTo("IN_MEMORY");
    assertThat(r.at("/sessions/attributes").asLong()).isEqualTo(10);
    assertThat(r.at("/sessions/nonSerializableAttributes").asLong()).isZero();
    // 20 strings of ~50 chars per cart: well over 1 KiB per session serialized.
    assertThat(r.at("/sessions/estimatedBytes").asLong()).isBetween(5L * 1000, 5L * 20_000);
  }

  @Test
  @Order(4)
  void countsAttributesThatCannotBeSerialized() throws Exception {
    app.get("/login?user=bad&bad=1");
    JsonNode r =
        app.awaitReport(j -> j.at("/sessions/active").asLong() == 6, Duration.ofSeconds(20));
    assertThat(r.at("/sessions/nonSerializableAttributes").asLong()).isEqualTo(1);
    assertThat(r.at("/sessions/attributes").asLong()).isEqualTo(13);
  }

  @Test
  @Order(5)
  void aFailingAdviceCallOrAppFailureNeverBreaksTheRequest() throws Exception {
    // The wrapper throws from getServletContext(), which the agent's advice calls.
    HttpResponse<String> wrapped = app.app("/wrapped");
    assertThat(wrapped.statusCode()).isEqualTo(200);
    assertThat(wrapped.body()).isEqualTo("hello");
    assertThat(app.app("/fail").statusCode()).isEqualTo(500);
    assertThat(app.get("/hello")).isEqualTo("hello");
    assertThat(app.stderr()).doesNotContain("greenlight-agent] could not instrument");
    assertThat(app.stderr())
        .doesNotContain("at dev.greenlight.agent.instrument")
        .doesNotContain("at dev.greenlight.agent.session");
  }

  @Test
  @Order(6)
  void sqlEndpointIsAnEmptySqlFileWithoutJdbc() throws Exception {
    HttpResponse<String> r = app.agent("/greenlight/sql");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(r.body()).startsWith("-- Captured by the Greenlight agent: 0 distinct statements");
  }
}
