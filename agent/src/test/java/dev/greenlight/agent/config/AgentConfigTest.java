package dev.greenlight.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentConfigTest {
  private static AgentConfig load(String args, Map<String, String> props, Map<String, String> env)
      throws InvalidConfigException {
    return AgentConfig.load(args, props::get, env::get);
  }

  @Test
  void defaultsArePort9490OnLoopbackAndHostPidInstance() throws Exception {
    AgentConfig c = load(null, Map.of(), Map.of());
    assertThat(c.port()).isEqualTo(9490);
    assertThat(c.bind()).isEqualTo("127.0.0.1");
    assertThat(c.gate()).isNull();
    assertThat(c.instance()).endsWith("-" + ProcessHandle.current().pid());
    assertThat(c.enabled()).isTrue();
  }

  @Test
  void agentArgumentBeatsSystemPropertyBeatsEnvironment() throws Exception {
    Map<String, String> props = Map.of("greenlight.port", "9500", "greenlight.slot", "blue");
    Map<String, String> env =
        Map.of("GREENLIGHT_PORT", "9600", "GREENLIGHT_SLOT", "green", "GREENLIGHT_ENV", "prod");
    AgentConfig c = load("port=9700,app=shop", props, env);
    assertThat(c.port()).isEqualTo(9700);
    assertThat(c.slot()).isEqualTo("blue");
    assertThat(c.env()).isEqualTo("prod");
    assertThat(c.app()).isEqualTo("shop");
    assertThat(load(null, props, env).port()).isEqualTo(9500);
    assertThat(load(null, Map.of(), env).port()).isEqualTo(9600);
  }

  @Test
  void environmentNamesAreUpperCaseWithUnderscores() {
    assertThat(ConfigKey.PUSH_INTERVAL.environmentVariable()).isEqualTo("GREENLIGHT_PUSH_INTERVAL");
    assertThat(ConfigKey.PUSH_INTERVAL.systemProperty()).isEqualTo("greenlight.push-interval");
    // The names are spelled out per key (nothing computed in premain): none may drift.
    for (ConfigKey k : ConfigKey.values()) {
      assertThat(k.systemProperty()).isEqualTo("greenlight." + k.key());
      assertThat(k.environmentVariable())
          .isEqualTo("GREENLIGHT_" + k.key().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
  }

  @Test
  void everyDefaultPassesItsOwnCheck() throws Exception {
    // Defaults are taken as they are at start-up, unchecked: they must be valid.
    for (ConfigKey k : ConfigKey.values()) {
      if (k.defaultValue() != null) {
        assertThat(AgentConfig.validateDefault(k)).as(k.key()).isEqualTo(k.defaultValue());
      }
    }
    assertThat(load(null, Map.of(), Map.of()).getInt(ConfigKey.SQL_MAX)).isEqualTo(2000);
  }

  @Test
  void theJvmsOwnPropertiesAreReadWhenNoSourcesAreGiven() throws Exception {
    System.setProperty("greenlight.session-sample", "7");
    try {
      assertThat(AgentConfig.load("app=shop").getInt(ConfigKey.SESSION_SAMPLE)).isEqualTo(7);
      System.setProperty("greenlight.session-sample", "x");
      assertThatThrownBy(() -> AgentConfig.load(null))
          .hasMessageStartingWith("system property greenlight.session-sample = 'x'");
    } finally {
      System.clearProperty("greenlight.session-sample");
    }
  }

  @Test
  void gateUrlLosesItsTrailingSlashAndNeedsAppEnvRelease() throws Exception {
    AgentConfig c =
        load("gate=http://gate:8470/,app=shop,env=prod,release=1.4.2", Map.of(), Map.of());
    assertThat(c.gate()).isEqualTo("http://gate:8470");
    assertThatThrownBy(() -> load("gate=http://gate:8470,app=shop", Map.of(), Map.of()))
        .hasMessageContaining("'env' is missing")
        .hasMessageContaining("GREENLIGHT_ENV");
  }

  @Test
  void invalidValuesNameTheSourceAndTheRule() {
    assertThatThrownBy(() -> load("port=99999", Map.of(), Map.of()))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("agent argument 'port' = '99999' must be a whole number from 0 to 65535");
    assertThatThrownBy(() -> load(null, Map.of(), Map.of("GREENLIGHT_PORT", "abc")))
        .hasMessageStartingWith("environment variable GREENLIGHT_PORT = 'abc'");
    assertThatThrownBy(() -> load("colour=blue", Map.of(), Map.of()))
        .hasMessageStartingWith("unknown agent argument 'colour' (known: app, env, slot");
    assertThatThrownBy(() -> load("app", Map.of(), Map.of()))
        .hasMessageContaining("is not key=value");
    assertThatThrownBy(() -> load("gate=ftp://x", Map.of(), Map.of()))
        .hasMessageContaining("is not an http(s) URL");
    assertThatThrownBy(() -> load("app=my shop", Map.of(), Map.of()))
        .hasMessageContaining("must be letters, digits");
    assertThatThrownBy(() -> load("port=1,port=2", Map.of(), Map.of()))
        .hasMessageContaining("given twice");
    assertThatThrownBy(() -> load("warmup-max-gc-pct=-3", Map.of(), Map.of()))
        .hasMessageContaining("must be a number of at least 0");
    assertThatThrownBy(() -> load("start-delay=301", Map.of(), Map.of()))
        .hasMessage("agent argument 'start-delay' = '301' must be a whole number from 0 to 300");
  }

  @Test
  void startDelayDefaultsToTenSecondsAndMayBeZero() throws Exception {
    assertThat(load(null, Map.of(), Map.of()).getInt(ConfigKey.START_DELAY)).isEqualTo(10);
    assertThat(load("start-delay=0", Map.of(), Map.of()).getInt(ConfigKey.START_DELAY)).isZero();
  }

  @Test
  void thresholdsAreReadAsNumbers() throws Exception {
    AgentConfig c =
        load("warmup-max-jit-ms-per-sec=22.5,warmup-stable-seconds=8", Map.of(), Map.of());
    assertThat(c.getDouble(ConfigKey.WARMUP_MAX_JIT_MS_PER_SEC)).isEqualTo(22.5);
    assertThat(c.getInt(ConfigKey.WARMUP_STABLE_SECONDS)).isEqualTo(8);
  }

  @Test
  void namesAreLettersDigitsDotsUnderscoresAndDashesStartingAlphanumeric() {
    assertThat(AgentConfig.isName("shop-green_1.4")).isTrue();
    assertThat(AgentConfig.isName("9lives")).isTrue();
    assertThat(AgentConfig.isName("x".repeat(128))).isTrue();
    assertThat(AgentConfig.isName("x".repeat(129))).isFalse();
    assertThat(AgentConfig.isName("")).isFalse();
    assertThat(AgentConfig.isName("-shop")).isFalse();
    assertThat(AgentConfig.isName(".shop")).isFalse();
    assertThat(AgentConfig.isName("shop/green")).isFalse();
    assertThat(AgentConfig.isName("shöp")).isFalse();
  }

  @Test
  void extraDriverPackagesSplitOnSemicolonColonOrSpace() throws Exception {
    AgentConfig c =
        load(
            null,
            Map.of("greenlight.sql-driver-packages", "com.acme.db; org.x.jdbc:net.y  "),
            Map.of());
    assertThat(c.extraDriverPackages()).containsExactly("com.acme.db", "org.x.jdbc", "net.y");
    assertThat(load(null, Map.of(), Map.of()).extraDriverPackages()).isEmpty();
  }
}
