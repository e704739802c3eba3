package dev.greenlight.gate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.gate.auth.Authenticator;
import dev.greenlight.gate.auth.Role;
import dev.greenlight.gate.decision.EvidenceKind;
import dev.greenlight.gate.decision.Policy;
import dev.greenlight.gate.decision.SessionStorage;
import dev.greenlight.gate.decision.Slot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateConfigLoaderTest {
  private static final String ARCHITECTURE_EXAMPLE =
      """
      tokens:                          # roles: agent, ci, deployer, approver, viewer
        - {name: ci, role: ci, token: "ci-secret-token-0123"}
        - {name: ops, role: deployer, sha256: "%s"}
      anonymous-read: false
      defaults:
        require-evidence: [lint]
        blocking-severity: error
        min-instances: 1
        agent-report-ttl: 60s
        accepted-warmup: [WARM]
        allowed-session-storage: [NONE, SHARED]
        max-live-sessions-at-risk: 0
        decision-valid-for: 120s
        insurance-window: 30m
        initial-live-slot: blue
      apps:
        shop:
          envs:
            prod:
              min-instances: 3
              router: {type: haproxy, socket: /run/haproxy/admin.sock, backend: shop, servers: {blue: blue1, green: green1}}
            stage:
              router: {type: command, command: ["/opt/deploy/flip.sh"]}
      """
          .formatted(HexFormat.of().formatHex(Authenticator.sha256("ops-token-value")));

  @Test
  void readsTheArchitectureExample() throws ConfigException {
    GateConfig c = GateConfigLoader.parse(ARCHITECTURE_EXAMPLE, "gate.yaml");
    assertThat(c.tokens()).hasSize(2);
    assertThat(c.anonymousRead()).isFalse();
    assertThat(c.policyFor("shop", "prod").minInstances()).isEqualTo(3);
    assertThat(c.policyFor("shop", "prod").agentReportTtl()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.policyFor("shop", "stage").minInstances()).isEqualTo(1);
    assertThat(c.policyFor("other", "prod")).isEqualTo(c.defaults());
    assertThat(c.routerFor("shop", "prod"))
        .containsInstanceOf(RouterSettings.Haproxy.class)
        .get()
        .satisfies(
            r -> {
              RouterSettings.Haproxy h = (RouterSettings.Haproxy) r;
              assertThat(h.socket()).isEqualTo(Path.of("/run/haproxy/admin.sock"));
              assertThat(h.servers().get(Slot.GREEN)).containsExactly("green1");
              assertThat(h.retireState()).isEqualTo("drain");
            });
    assertThat(c.routerFor("shop", "stage"))
        .contains(new RouterSettings.Command(List.of("/opt/deploy/flip.sh")));
    assertThat(c.routerFor("shop", "dev")).isEmpty();
    Authenticator auth = new Authenticator(c.tokens());
    assertThat(auth.authenticate("ci-secret-token-0123").get().role()).isEqualTo(Role.CI);
    assertThat(auth.authenticate("ops-token-value").get().role()).isEqualTo(Role.DEPLOYER);
    assertThat(auth.authenticate("ops-token-valuf")).isEmpty();
    assertThat(auth.authenticate("")).isEmpty();
  }

  @Test
  void withoutAFileEverythingFailsClosed() throws ConfigException {
    GateConfig c = GateConfigLoader.parse("", "gate.yaml");
    assertThat(c.tokens()).isEmpty();
    assertThat(c.anonymousRead()).isFalse();
    Policy p = c.policyFor("shop", "prod");
    assertThat(p).isEqualTo(Policy.failClosed());
    assertThat(p.requireEvidence()).containsExactly(EvidenceKind.LINT);
    assertThat(p.allowedSessionStorage())
        .containsExactlyInAnyOrder(SessionStorage.NONE, SessionStorage.SHARED);
    assertThat(p.maxLiveSessionsAtRisk()).isZero();
  }

  @Test
  void unknownKeysStopTheStartNamingKeyAndLine() {
    assertThatThrownBy(
            () ->
                GateConfigLoader.parse(
                    "defaults:\n  min-instances: 2\n  min-instanses: 3\n", "gate.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("gate.yaml:3:3: unknown key 'min-instanses' in defaults");
    assertThatThrownBy(
            () ->
                GateConfigLoader.parse(
                    "apps:\n  shop:\n    envs:\n      prod:\n        routr: {}\n", "g.yaml"))
        .hasMessageStartingWith("g.yaml:5:9: unknown key 'routr' in apps.shop.envs.prod");
    assertThatThrownBy(() -> GateConfigLoader.parse("anonymus-read: true\n", "g.yaml"))
        .hasMessageStartingWith("g.yaml:1:1: unknown key 'anonymus-read'");
  }

  @Test
  void badValuesNameTheirPosition() {
    assertThatThrownBy(() -> GateConfigLoader.parse("defaults:\n  agent-report-ttl: soon\n", "g"))
        .hasMessageStartingWith("g:2:21: expected a duration");
    assertThatThrownBy(
            () -> GateConfigLoader.parse("tokens:\n  - {name: a, role: admin, token: x}\n", "g"))
        .hasMessageContaining("g:2:")
        .hasMessageContaining("unknown value 'admin'");
    assertThatThrownBy(() -> GateConfigLoader.parse("tokens:\n  - {name: a, role: ci}\n", "g"))
        .hasMessageContaining("exactly one of 'token' or 'sha256'");
    assertThatThrownBy(() -> GateConfigLoader.parse("defaults:\n  accepted-warmup: [HOT]\n", "g"))
        .hasMessageStartingWith("g:2:21: unknown value 'HOT'");
    assertThatThrownBy(() -> GateConfigLoader.parse("defaults: [1, 2\n", "g"))
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(
            () ->
                GateConfigLoader.parse(
                    "apps:\n  shop:\n    envs:\n      prod:\n        router: {type: nginx}\n", "g"))
        .hasMessageContaining("unknown router type 'nginx'");
  }

  @Test
  void tokensNeverAppearInToString() throws ConfigException {
    GateConfig c = GateConfigLoader.parse(ARCHITECTURE_EXAMPLE, "gate.yaml");
    assertThat(c.toString()).doesNotContain("ci-secret-token-0123");
    assertThat(c.tokens().get(0).toString()).isEqualTo("ApiToken[ci, ci]");
  }
}
