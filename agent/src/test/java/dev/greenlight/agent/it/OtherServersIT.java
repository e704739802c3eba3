package dev.greenlight.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** Jetty 12 (ee10), Undertow, Tomcat 9 (javax.servlet), and Tomcat 11 on the Temurin 25 JDK. */
class OtherServersIT {
  @Test
  void undertowSessionManagerIsInMemory() throws Exception {
    try (ForkedApp app =
        new ForkedApp.Spec("dev.greenlight.agent.testapps.UndertowApp")
            .classpath(ForkedApp.undertowClasspath())
            .agentArgs("session-scan-interval=1")
            .start()) {
      assertThat(app.get("/hello")).isEqualTo("hello");
      JsonNode before =
          app.awaitReport(
              j ->
                  j.at("/sessions/server").asText().startsWith("Undertow")
                      && j.at("/sessions/manager").isTextual(),
              Duration.ofSeconds(20));
      assertThat(before.at("/sessions/storage").asText()).isEqualTo("NONE");
      assertThat(before.at("/sessions/configuredStorage").asText()).isEqualTo("IN_MEMORY");
      assertThat(before.at("/sessions/manager").asText())
          .isEqualTo("io.undertow.server.session.InMemorySessionManager");
      for (int i = 0; i < 3; i++) {
        app.get("/login?user=u" + i);
      }
      JsonNode r =
          app.awaitReport(j -> j.at("/sessions/active").asLong() == 3, Duration.ofSeconds(20));
      assertThat(r.at("/sessions/storage").asText()).isEqualTo("IN_MEMORY");
      assertThat(r.at("/sessions/attributes").asLong()).isEqualTo(3);
      assertThat(r.at("/sessions/estimatedBytes").asLong()).isPositive();
      assertThat(r.at("/warmup/signals/requests").asLong()).isGreaterThanOrEqualTo(4);
      assertThat(app.agentLines()).isEmpty();
    }
  }

  @Test
  void jetty12SessionCacheIsInMemory() throws Exception {
    try (ForkedApp app =
        new ForkedApp.Spec("dev.greenlight.agent.testapps.JettyApp")
            .classpath(ForkedApp.jettyClasspath())
            .agentArgs("session-scan-interval=1")
            .start()) {
      assertThat(app.get("/hello")).isEqualTo("hello");
      JsonNode before =
          app.awaitReport(
              j -> j.at("/sessions/server").asText().startsWith("jetty/12"),
              Duration.ofSeconds(20));
      assertThat(before.at("/sessions/storage").asText()).isEqualTo("NONE");
      assertThat(before.at("/sessions/configuredStorage").asText()).isEqualTo("IN_MEMORY");
      for (int i = 0; i < 4; i++) {
        app.get("/login?user=j" + i);
      }
      JsonNode r =
          app.awaitReport(j -> j.at("/sessions/active").asLong() == 4, Duration.ofSeconds(20));
      assertThat(r.at("/sessions/storage").asText()).isEqualTo("IN_MEMORY");
      assertThat(r.at("/sessions/manager").asText())
          .isEqualTo(
              "org.eclipse.jetty.session.DefaultSessionCache with"
                  + " org.eclipse.jetty.session.NullSessionDataStore");
      assertThat(r.at("/sessions/attributes").asLong()).isEqualTo(8);
      assertThat(r.at("/sessions/estimatedBytes").asLong()).isPositive();
    }
  }

  @Test
  void tomcat9WithJavaxServletIsInMemory() throws Exception {
    Path tomcat9 = Path.of(System.getProperty("greenlight.test.tomcat9"));
    List<String> jars;
    try (Stream<Path> s = Files.list(tomcat9)) {
      jars = s.map(Path::toString).filter(n -> n.endsWith(".jar")).sorted().toList();
    }
    Path classes = ForkedApp.AGENT_JAR.getParent().resolve("tomcat9-app-classes");
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc =
        javac.run(
            null,
            null,
            null,
            "-d",
            classes.toString(),
            "-cp",
            String.join(File.pathSeparator, jars),
            Path.of(System.getProperty("greenlight.test.apps.src"), "javax", "Tomcat9App.java")
                .toString());
    assertThat(rc).as("javac of the javax test app").isZero();
    List<String> cp = new ArrayList<>(jars);
    cp.add(classes.toString());
    try (ForkedApp app =
        new ForkedApp.Spec("Tomcat9App")
            .classpath(cp)
            .agentArgs("session-scan-interval=1")
            .start()) {
      app.get("/hello");
      JsonNode fresh =
          app.awaitReport(
              j -> j.at("/sessions/configuredStorage").asText().equals("IN_MEMORY"),
              Duration.ofSeconds(20));
      assertThat(fresh.at("/sessions/storage").asText()).isEqualTo("NONE");
      app.get("/login?user=old");
      app.get("/login?user=older");
      JsonNode r =
          app.awaitReport(j -> j.at("/sessions/active").asLong() == 2, Duration.ofSeconds(20));
      assertThat(r.at("/sessions/storage").asText()).isEqualTo("IN_MEMORY");
      assertThat(r.at("/sessions/server").asText()).startsWith("Apache Tomcat/9.0.");
      assertThat(r.at("/sessions/manager").asText())
          .isEqualTo("org.apache.catalina.session.StandardManager");
      assertThat(r.at("/warmup/signals/requests").asLong()).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void runsOnTheTemurin25Jdk() throws Exception {
    assumeTrue(
        Files.isExecutable(ForkedApp.JAVA_25),
        "no Temurin 25 JDK at " + ForkedApp.JAVA_25 + " on this machine");
    try (ForkedApp app =
        new ForkedApp.Spec("dev.greenlight.agent.testapps.TomcatApp")
            .java(ForkedApp.JAVA_25)
            .classpath(ForkedApp.tomcat11Classpath())
            .agentArgs("session-scan-interval=1")
            .start()) {
      app.get("/login?user=new");
      JsonNode r =
          app.awaitReport(
              j ->
                  j.at("/sessions/active").asLong() == 1
                      && j.at("/warmup/signals/requests").asLong() >= 1,
              Duration.ofSeconds(20));
      assertThat(r.at("/sessions/storage").asText()).isEqualTo("IN_MEMORY");
      assertThat(r.at("/warmup/signals/codeCacheUsedPct").asDouble()).isPositive();
      assertThat(app.agentLines()).isEmpty();
      assertThat(app.stderr()).doesNotContain("sun.misc.Unsafe");
    }
  }
}
