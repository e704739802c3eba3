package dev.greenlight.gate.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.gate.decision.EvidenceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The contract on the gate's own embedded server with its data in a folder. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedGateStoreTest extends GateStoreContract {
  private Path dataDir;
  private GateStore store;

  @BeforeAll
  void open() throws IOException {
    dataDir = Files.createTempDirectory("gate-embedded-store");
    store = GateDatabase.embedded(dataDir.resolve("data"), 8);
  }

  @AfterAll
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Override
  GateStore store() {
    return store;
  }

  @Test
  void dataSurvivesARestartOnTheSameFolder() throws IOException {
    store.putSql("restart", "1.0", "SELECT 42;", "agent");
    store.close();
    store = GateDatabase.embedded(dataDir.resolve("data"), 4);
    assertThat(store.sql("restart", "1.0")).contains("SELECT 42;");
    assertThat(store.reportBody(EvidenceKind.LINT, "restart", "1.0")).isEmpty();
    assertThat(store.verifyAudit().valid()).isTrue();
  }
}
