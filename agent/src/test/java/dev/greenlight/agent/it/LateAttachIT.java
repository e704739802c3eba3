package dev.greenlight.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.tools.attach.VirtualMachine;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code Agent-Class}: attached to a running Tomcat, the agent instruments already loaded classes.
 */
class LateAttachIT {
  @Test
  void attachingToARunningServerRetransformsTheServletClass() throws Exception {
    ForkedApp.Spec spec =
        new ForkedApp.Spec("dev.greenlight.agent.testapps.TomcatApp")
            .classpath(ForkedApp.tomcat11Classpath())
            .noAgent()
            .jvm("-XX:+EnableDynamicAgentLoading");
    try (ForkedApp app = spec.start()) {
      assertThat(app.get("/hello")).isEqualTo("hello");
      VirtualMachine vm = VirtualMachine.attach(String.valueOf(app.pid()));
      try {
        vm.loadAgent(ForkedApp.AGENT_JAR.toString(), "port=" + spec.agentPort + ",app=late");
      } finally {
        vm.detach();
      }
      JsonNode r =
          app.awaitReport(
              j -> {
                try {
                  app.get("/hello");
                } catch (Exception e) {
                  return false;
                }
                return j.at("/warmup/signals/requests").asLong() >= 1;
              },
              Duration.ofSeconds(30));
      assertThat(r.get("app").asText()).isEqualTo("late");
      assertThat(r.at("/sessions/server").asText()).startsWith("Apache Tomcat/11");
      assertThat(app.agentLines()).isEmpty();
    }
  }
}
