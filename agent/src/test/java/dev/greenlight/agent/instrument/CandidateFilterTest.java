package dev.greenlight.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateFilterTest {
  private final ClassTargets targets =
      new ClassTargets(ClassTargets.driverPackages(List.of("com.example.db")));

  /** Marks every class it is given, so the test sees whether it was reached. */
  private static final ClassFileTransformer MARKER =
      new ClassFileTransformer() {
        @Override
        public byte[] transform(
            ClassLoader l, String name, Class<?> c, ProtectionDomain d, byte[] bytes) {
          return new byte[] {42};
        }
      };

  private byte[] load(ClassFileTransformer filter, String internalName) throws Exception {
    return filter.transform(null, internalName, null, null, new byte[] {1});
  }

  @Test
  void namesDecideTheKindOfEveryClass() {
    assertThat(targets.kind("jakarta/servlet/http/HttpServlet"))
        .isEqualTo(ClassTargets.Kind.SERVLET);
    assertThat(targets.kind("javax/servlet/http/HttpServlet")).isEqualTo(ClassTargets.Kind.SERVLET);
    assertThat(targets.kind("org/apache/catalina/session/ManagerBase"))
        .isEqualTo(ClassTargets.Kind.SESSION_STORE);
    assertThat(targets.kind("io/undertow/server/session/InMemorySessionManager"))
        .isEqualTo(ClassTargets.Kind.SESSION_STORE);
    assertThat(targets.kind("org/springframework/session/web/http/SessionRepositoryFilter"))
        .isEqualTo(ClassTargets.Kind.SPRING_SESSION_FILTER);
    assertThat(targets.kind("org/postgresql/jdbc/PgConnection")).isEqualTo(ClassTargets.Kind.JDBC);
    assertThat(targets.kind("com/example/db/Driver")).isEqualTo(ClassTargets.Kind.JDBC);
    assertThat(targets.kind("org/postgresqlx/Other")).isEqualTo(ClassTargets.Kind.NONE);
    assertThat(targets.kind("org/apache/catalina/core/StandardContext"))
        .isEqualTo(ClassTargets.Kind.NONE);
    assertThat(targets.kind(null)).isEqualTo(ClassTargets.Kind.NONE);
  }

  @Test
  void byteBuddySeesOnlyCandidates() throws Exception {
    CandidateFilter filter = new CandidateFilter(targets, MARKER);
    assertThat(load(filter, "jakarta/servlet/http/HttpServlet")).containsExactly(42);
    assertThat(load(filter, "org/postgresql/jdbc/PgConnection")).containsExactly(42);
    assertThat(load(filter, "com/example/shop/Order")).isNull();
    assertThat(load(filter, null)).isNull();
  }

  @Test
  void aThrowingTransformerNeverReachesTheHost() throws Exception {
    CandidateFilter filter =
        new CandidateFilter(
            targets,
            new ClassFileTransformer() {
              @Override
              public byte[] transform(
                  ClassLoader l, String name, Class<?> c, ProtectionDomain d, byte[] bytes) {
                throw new IllegalStateException("broken");
              }
            });
    assertThat(load(filter, "org/apache/catalina/session/ManagerBase")).isNull();
  }
}
