package dev.greenlight.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.testkit.PostgresServer;
import dev.greenlight.testkit.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tomcat 11 with Spring Session JDBC on the embedded PostgreSQL: sessions are shared, the
 * container's in-memory manager holds none, and Spring Session's own SQL is captured and pushed to
 * the gate with $n placeholders.
 */
class SpringSessionJdbcIT {
  static TestDatabase db;
  static GatePeer gate;
  static ForkedApp app;

  @BeforeAll
  static void start() throws Exception {
    db = PostgresServer.get().createDatabase("agent_spring_session");
    gate = new GatePeer(GatePeer.Behaviour.OK);
    app =
        new ForkedApp.Spec("dev.greenlight.agent.testapps.TomcatApp")
            .classpath(ForkedApp.tomcat11Classpath())
            .agentArgs(
                "app=shop,env=prod,slot=green,release=2.0.0,session-scan-interval=1,push-interval=1,token=agent-secret,gate="
                    + gate.url())
            .jvm(
                "-Dapp.springJdbc=true",
                "-Dapp.jdbc=" + db.jdbcUrl(),
                "-Dapp.jdbcUser=" + db.user())
            .start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (gate != null) {
      gate.close();
    }
    if (db != null) {
      PostgresServer.get().dropDatabase(db);
    }
  }

  @Test
  void springSessionJdbcIsSharedStorageAndTakesPrecedenceOverTheContainer() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(app.get("/login?user=s" + i)).startsWith("logged in");
    }
    try (var c = db.connect();
        var s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM spring_session")) {
      rs.next();
      assertThat(rs.getInt(1)).as("sessions stored in PostgreSQL").isEqualTo(3);
    }
    JsonNode r =
        app.awaitReport(
            // The session scan runs on its own schedule: wait for one made after the requests
            // above (the server name comes from the first instrumented request).
            j ->
                j.at("/sessions/storage").asText().equals("SHARED")
                    && j.at("/sessions/server").asText().startsWith("Apache Tomcat/11"),
            Duration.ofSeconds(20));
    assertThat(r.at("/sessions/manager").asText())
        .isEqualTo("org.springframework.session.jdbc.JdbcIndexedSessionRepository");
    assertThat(r.at("/sessions/server").asText()).startsWith("Apache Tomcat/11");
    assertThat(r.at("/sessions/activeCounted").asBoolean()).isFalse();
  }

  @Test
  void capturesTheApplicationsSqlWithNumberedPlaceholders() throws Exception {
    assertThat(app.get("/sql")).isEqualTo("found 1");
    JsonNode r = app.awaitReport(j -> j.at("/sql/distinct").asInt() >= 5, Duration.ofSeconds(10));
    assertThat(r.at("/sql/truncated").asBoolean()).isFalse();
    String sql = app.agent("/greenlight/sql").body();
    assertThat(sql)
        .contains("INSERT INTO orders (id, note) VALUES ($1, $2) ON CONFLICT DO NOTHING;")
        .contains("DELETE FROM orders WHERE note = 'it''s ?';")
        .contains("SELECT id FROM orders WHERE id = $1 AND '{\"a\":1}'::jsonb ? 'a' /* ? */ -- ?")
        .contains("CREATE TABLE IF NOT EXISTS orders (id bigint PRIMARY KEY, note text);")
        // Spring Session's own statements go through pgjdbc too.
        .containsIgnoringCase("INSERT INTO SPRING_SESSION");
  }

  @Test
  void pushesReportsAndSqlToTheGateWithTheBearerToken() throws Exception {
    app.get("/sql");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline
        && (gate.posts().size() < 2
            || gate.puts().stream().noneMatch(p -> p.body().contains("INSERT INTO orders")))) {
      Thread.sleep(200);
    }
    GatePeer.Received post = gate.posts().get(gate.posts().size() - 1);
    assertThat(post.path()).isEqualTo("/v1/apps/shop/envs/prod/agents");
    assertThat(post.authorization()).isEqualTo("Bearer agent-secret");
    assertThat(post.contentType()).startsWith("application/json");
    JsonNode body = ForkedApp.JSON.readTree(post.body());
    assertThat(body.get("app").asText()).isEqualTo("shop");
    assertThat(body.get("environment").asText()).isEqualTo("prod");
    assertThat(body.get("release").asText()).isEqualTo("2.0.0");
    GatePeer.Received put =
        gate.puts().stream()
            .filter(p -> p.body().contains("INSERT INTO orders"))
            .findFirst()
            .orElseThrow();
    assertThat(put.path()).isEqualTo("/v1/apps/shop/releases/2.0.0/sql");
    assertThat(put.authorization()).isEqualTo("Bearer agent-secret");
    assertThat(put.contentType()).startsWith("text/plain");
    // The SQL is sent again only when a new statement appears, not with every report.
    int puts = gate.puts().size();
    int posts = gate.posts().size();
    Thread.sleep(3500);
    assertThat(gate.posts().size()).isGreaterThan(posts);
    assertThat(gate.puts().size()).isEqualTo(puts);
    assertThat(app.agentLines()).contains("[greenlight-agent] reporting to the gate " + gate.url());
  }
}
