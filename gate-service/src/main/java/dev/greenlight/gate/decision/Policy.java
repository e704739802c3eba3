package dev.greenlight.gate.decision;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/** The rules one app/env is judged by; {@link #failClosed()} is the built-in default. */
public record Policy(
    Set<EvidenceKind> requireEvidence,
    Severity blockingSeverity,
    int minInstances,
    Duration agentReportTtl,
    Set<WarmupVerdict> acceptedWarmup,
    Set<SessionStorage> allowedSessionStorage,
    long maxLiveSessionsAtRisk,
    Duration decisionValidFor,
    Duration insuranceWindow,
    Slot initialLiveSlot) {

  public Policy {
    requireEvidence = Set.copyOf(requireEvidence);
    acceptedWarmup = Set.copyOf(acceptedWarmup);
    allowedSessionStorage = Set.copyOf(allowedSessionStorage);
  }

  /** The defaults of architecture.md: lint required, errors block, one warm instance, no risk. */
  public static Policy failClosed() {
    return new Policy(
        EnumSet.of(EvidenceKind.LINT),
        Severity.ERROR,
        1,
        Duration.ofSeconds(60),
        EnumSet.of(WarmupVerdict.WARM),
        EnumSet.of(SessionStorage.NONE, SessionStorage.SHARED),
        0,
        Duration.ofSeconds(120),
        Duration.ofMinutes(30),
        Slot.BLUE);
  }

  /**
   * How many TTLs an instance's report is kept after it stopped counting: see {@link
   * #agentReportRetention()}.
   */
  public static final int RETENTION_TTLS = 10;

  /**
   * How long after it arrived an agent report is still considered at all (as stale or stopped
   * evidence) and kept in the store: ten TTLs. Older reports are ignored by decisions, except the
   * newest report of each slot (so a live slot whose agents all went quiet stays "unknown", not
   * "empty"), and the store deletes exactly the reports decisions ignore.
   */
  public Duration agentReportRetention() {
    return agentReportTtl.multipliedBy(RETENTION_TTLS);
  }

  /** A digest that changes whenever any rule changes; part of every decision id. */
  public String digest() {
    return Sha256.digest(canonical());
  }

  private String canonical() {
    return String.join(
        "\n",
        "require-evidence=" + new TreeSet<>(requireEvidence),
        "blocking-severity=" + blockingSeverity,
        "min-instances=" + minInstances,
        "agent-report-ttl=" + agentReportTtl,
        "accepted-warmup=" + new TreeSet<>(acceptedWarmup),
        "allowed-session-storage=" + new TreeSet<>(allowedSessionStorage),
        "max-live-sessions-at-risk=" + maxLiveSessionsAtRisk,
        "decision-valid-for=" + decisionValidFor,
        "insurance-window=" + insuranceWindow,
        "initial-live-slot=" + initialLiveSlot);
  }
}
