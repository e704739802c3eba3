package dev.greenlight.linter.rules.spi;

import dev.greenlight.linter.report.Severity;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the analysis needs from the command line and greenlight.toml.
 *
 * @param pgVersion the PostgreSQL major the migrations will run on, 11–18 (default 17)
 * @param runner how the runner wraps files in transactions
 * @param runnerSetsLockTimeout true when the runner sets {@code lock_timeout} itself: {@code
 *     require-lock-timeout} then stays quiet
 * @param severities per-rule severity from the configuration, keyed by rule id; {@link
 *     Severity#OFF} disables a rule, any other severity enables a rule that is off by default. The
 *     analyzer uses this map only to decide which rules run; findings carry the rule's descriptor
 *     severity and the engine applies the configured one.
 * @param helpBaseUrl when not empty, rule pages are linked as {@code <base>/<rule-id>}
 * @param baseline the migrations at the {@code --since} ref, empty without {@code --since}
 */
public record RuleOptions(
    int pgVersion,
    RunnerMode runner,
    boolean runnerSetsLockTimeout,
    Map<String, Severity> severities,
    String helpBaseUrl,
    Optional<GitBaseline> baseline) {

  public static final int DEFAULT_PG_VERSION = 17;
  public static final int MIN_PG_VERSION = 11;
  public static final int MAX_PG_VERSION = 18;

  public RuleOptions {
    if (pgVersion < MIN_PG_VERSION || pgVersion > MAX_PG_VERSION) {
      throw new IllegalArgumentException(
          "PostgreSQL version "
              + pgVersion
              + " is not supported (use "
              + MIN_PG_VERSION
              + "–"
              + MAX_PG_VERSION
              + ")");
    }
    Objects.requireNonNull(runner, "runner");
    severities = Map.copyOf(severities);
    helpBaseUrl = helpBaseUrl == null ? "" : helpBaseUrl;
    Objects.requireNonNull(baseline, "baseline");
  }

  /** PostgreSQL 17, Flyway runner, every rule at its default, no baseline. */
  public static RuleOptions defaults() {
    return new RuleOptions(
        DEFAULT_PG_VERSION, RunnerMode.FLYWAY, false, Map.of(), "", Optional.empty());
  }

  public RuleOptions withPgVersion(int version) {
    return new RuleOptions(
        version, runner, runnerSetsLockTimeout, severities, helpBaseUrl, baseline);
  }

  public RuleOptions withRunner(RunnerMode mode) {
    return new RuleOptions(
        pgVersion, mode, runnerSetsLockTimeout, severities, helpBaseUrl, baseline);
  }

  public RuleOptions withRunnerSetsLockTimeout(boolean sets) {
    return new RuleOptions(pgVersion, runner, sets, severities, helpBaseUrl, baseline);
  }

  public RuleOptions withSeverities(Map<String, Severity> bySeverity) {
    return new RuleOptions(
        pgVersion, runner, runnerSetsLockTimeout, bySeverity, helpBaseUrl, baseline);
  }

  public RuleOptions withHelpBaseUrl(String url) {
    return new RuleOptions(pgVersion, runner, runnerSetsLockTimeout, severities, url, baseline);
  }

  public RuleOptions withBaseline(GitBaseline gitBaseline) {
    return new RuleOptions(
        pgVersion,
        runner,
        runnerSetsLockTimeout,
        severities,
        helpBaseUrl,
        Optional.of(gitBaseline));
  }

  /** True when the rule runs: its configured severity is not OFF, or it is on by default. */
  public boolean isEnabled(RuleDescriptor rule) {
    Severity configured = severities.get(rule.id());
    return configured == null ? rule.enabledByDefault() : configured != Severity.OFF;
  }

  /** The link to a rule's page, empty when no help base URL is configured. */
  public String ruleUrl(String ruleId) {
    if (helpBaseUrl.isEmpty()) {
      return "";
    }
    return helpBaseUrl.endsWith("/") ? helpBaseUrl + ruleId : helpBaseUrl + "/" + ruleId;
  }
}
