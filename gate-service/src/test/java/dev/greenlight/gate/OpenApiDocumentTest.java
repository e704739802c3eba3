package dev.greenlight.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.gate.config.GateConfig;
import dev.greenlight.gate.http.Routes;
import dev.greenlight.gate.store.GateDatabase;
import dev.greenlight.testkit.RealPostgres;
import dev.greenlight.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docs/gate-openapi.yaml documents every route the server registers, and nothing more. */
@RealPostgres
class OpenApiDocumentTest {

  @Test
  @SuppressWarnings("unchecked")
  void everyRegisteredRouteIsDocumented(TestDatabase db) throws IOException, SQLException {
    Path doc = Path.of(System.getProperty("greenlight.gate.openapi", "../docs/gate-openapi.yaml"));
    Map<String, Object> api = new Yaml().load(Files.readString(doc));
    assertThat(api.get("openapi")).asString().startsWith("3.");
    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) api.get("paths");
    List<String> documented = new ArrayList<>();
    paths.forEach(
        (path, ops) ->
            ops.keySet().stream()
                .filter(k -> List.of("get", "put", "post", "delete", "patch").contains(k))
                .forEach(k -> documented.add(k.toUpperCase(Locale.ROOT) + " " + path)));
    String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "user=" + db.user();
    try (GateServer gate =
        GateServer.create(GateConfig.failClosed(), GateDatabase.external(url, 2), 0)) {
      List<String> registered =
          gate.routes().stream().map(r -> r.method() + " " + r.path()).toList();
      assertThat(registered).hasSizeGreaterThan(15);
      assertThat(documented).containsExactlyInAnyOrderElementsOf(registered);
      for (Routes.Route r : gate.routes()) {
        Map<String, Object> op =
            (Map<String, Object>) paths.get(r.path()).get(r.method().toLowerCase(Locale.ROOT));
        assertThat(op).as(r.toString()).containsKeys("summary", "responses");
      }
    }
  }
}
