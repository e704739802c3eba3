package dev.greenlight.gate.config;

import dev.greenlight.gate.auth.ApiToken;
import dev.greenlight.gate.decision.Policy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed gate.yaml. Any app/env that is not listed gets {@code defaults}; without a file the
 * gate knows no tokens, allows no anonymous reads and uses the fail-closed policy.
 */
public record GateConfig(
    List<ApiToken> tokens,
    boolean anonymousRead,
    Policy defaults,
    Map<String, Map<String, EnvSettings>> apps,
    CodeDeploySettings codeDeploy) {

  public GateConfig {
    tokens = List.copyOf(tokens);
    apps = Map.copyOf(apps);
  }

  public static GateConfig failClosed() {
    return new GateConfig(
        List.of(), false, Policy.failClosed(), Map.of(), CodeDeploySettings.fromEnvironment());
  }

  public Policy policyFor(String app, String env) {
    return env(app, env).map(EnvSettings::policy).orElse(defaults);
  }

  public Optional<RouterSettings> routerFor(String app, String env) {
    return env(app, env).flatMap(EnvSettings::router);
  }

  private Optional<EnvSettings> env(String app, String env) {
    Map<String, EnvSettings> envs = apps.get(app);
    return envs == null ? Optional.empty() : Optional.ofNullable(envs.get(env));
  }

  public GateConfig withCodeDeploy(CodeDeploySettings settings) {
    return new GateConfig(tokens, anonymousRead, defaults, apps, settings);
  }
}
