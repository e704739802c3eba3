package dev.greenlight.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CandidateFilterTest {
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
  private final CandidateFilter filter =
      new CandidateFilter(Instrumenter.driverPackages(List.of("com.example.db")), err);

  /** Marks every class it is given, so the test sees whether it was reached. */
  private static final ClassFileTransformer MARKER =
      new ClassFileTransformer() {
        @Override
        public byte[] transform(
            ClassLoader l, String name, Class<?> c, ProtectionDomain d, byte[] bytes) {
          return new byte[] {42};
        }
      };

  private byte[] load(String internalName) {
    return filter.transform(null, internalName, null, null, new byte[] {1});
  }

  @Test
  void otherClassesPassWithoutWaitingForByteBuddy() {
    assertThat(load("org/apache/catalina/core/StandardContext")).isNull();
    assertThat(load("com/example/shop/Order")).isNull();
    assertThat(load(null)).isNull();
  }

  @Test
  void candidatesWaitUntilTheTransformerIsReadyThenReachIt() throws Exception {
    CompletableFuture<byte[]> servlet =
        CompletableFuture.supplyAsync(() -> load("jakarta/servlet/http/HttpServlet"));
    Thread.sleep(200);
    assertThat(servlet).isNotDone();
    filter.ready(MARKER);
    assertThat(servlet.get(5, TimeUnit.SECONDS)).containsExactly(42);
    assertThat(load("org/postgresql/jdbc/PgConnection")).containsExactly(42);
    assertThat(load("com/example/db/Driver")).containsExactly(42);
    assertThat(load("org/postgresqlx/Other")).isNull();
  }

  @Test
  void aTransformerThatCouldNotBeBuiltLeavesClassesUnchanged() {
    filter.ready(null);
    assertThat(load("javax/servlet/http/HttpServlet")).isNull();
  }

  @Test
  void aThrowingTransformerNeverReachesTheHost() {
    filter.ready(
        new ClassFileTransformer() {
          @Override
          public byte[] transform(
              ClassLoader l, String name, Class<?> c, ProtectionDomain d, byte[] bytes) {
            throw new IllegalStateException("broken");
          }
        });
    assertThat(load("org/apache/catalina/session/ManagerBase")).isNull();
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
