package dev.greenlight.gate.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Evidence + policy + clock → decision. Pure: no I/O, no hidden clock, no shared state, so the same
 * inputs always give the same reasons and the same decision id.
 */
public final class DecisionEngine {
  private DecisionEngine() {}

  public static Decision decide(
      DecisionRequest request, Policy policy, Evidence evidence, Instant now) {
    Slot live = evidence.liveSlot();
    Slot slot = request.slot() != null ? request.slot() : live.other();
    List<AgentObservation> agents = considered(evidence.agents(), policy, now);
    List<AgentObservation> slotReports = agents.stream().filter(a -> a.slot() == slot).toList();
    List<AgentObservation> freshSlot =
        slotReports.stream().filter(a -> a.freshAt(now, policy.agentReportTtl())).toList();
    List<Reason> reasons = new ArrayList<>();

    String release = request.release();
    boolean ambiguous = false;
    if (release == null) {
      TreeSet<String> releases =
          freshSlot.stream()
              .map(AgentObservation::release)
              .collect(Collectors.toCollection(TreeSet::new));
      if (releases.size() > 1) {
        ambiguous = true;
        reasons.add(
            new Reason(
                ReasonCode.CANDIDATE_AMBIGUOUS,
                "fresh "
                    + slot.wire()
                    + " agents report different releases "
                    + String.join(", ", releases)
                    + "; name one with ?release=",
                slot.wire(),
                null));
      } else if (releases.size() == 1) {
        release = releases.first();
      }
    }
    String candidateRelease = release;
    List<AgentObservation> candidates =
        ambiguous
            ? freshSlot
            : freshSlot.stream().filter(a -> a.release().equals(candidateRelease)).toList();
    List<AgentObservation> staleCandidates =
        slotReports.stream()
            .filter(a -> a.staleAt(now, policy.agentReportTtl()))
            .filter(a -> candidateRelease == null || a.release().equals(candidateRelease))
            .toList();
    List<AgentObservation> stoppedCandidates =
        slotReports.stream()
            .filter(AgentObservation::stopping)
            .filter(a -> candidateRelease == null || a.release().equals(candidateRelease))
            .toList();

    Optional<MigrationReport> lint =
        release == null ? Optional.empty() : evidence.report(EvidenceKind.LINT, release);
    Optional<MigrationReport> verify =
        release == null ? Optional.empty() : evidence.report(EvidenceKind.VERIFY, release);
    if (!ambiguous) {
      migrationReasons(EvidenceKind.LINT, ReasonCode.LINT_MISSING, lint, release, policy, reasons);
      migrationReasons(
          EvidenceKind.VERIFY, ReasonCode.VERIFY_MISSING, verify, release, policy, reasons);
    }

    List<AgentObservation> liveFresh = List.of();
    List<AgentObservation> liveStale = List.of();
    if (slot != live) {
      liveFresh =
          agents.stream()
              .filter(a -> a.slot() == live && a.freshAt(now, policy.agentReportTtl()))
              .toList();
      liveStale =
          agents.stream()
              .filter(a -> a.slot() == live && a.staleAt(now, policy.agentReportTtl()))
              .toList();
    }

    instanceReasons(
        slot, release, candidates, staleCandidates, stoppedCandidates, policy, now, reasons);
    sessionStorageReasons(slot, live, candidates, liveFresh, policy, reasons);

    if (slot != live) {
      sessionsAtRisk(live, liveFresh, policy, reasons);
      if (liveFresh.isEmpty() && !liveStale.isEmpty()) {
        AgentObservation newest =
            liveStale.stream().max(Comparator.comparing(AgentObservation::receivedAt)).get();
        long age = now.getEpochSecond() - newest.receivedAt().getEpochSecond();
        reasons.add(
            new Reason(
                ReasonCode.EVIDENCE_STALE,
                "the live slot "
                    + live.wire()
                    + " has only stale agent reports (newest "
                    + newest.instanceId()
                    + ", "
                    + age
                    + "s ago), so the sessions a switch would drop are unknown",
                "agent:" + newest.instanceId() + "#" + newest.digest(),
                null));
      }
    }

    List<Waiver> waivers =
        release == null
            ? List.of()
            : evidence.waivers().stream()
                .filter(w -> w.release().equals(candidateRelease) && w.activeAt(now))
                .sorted(Comparator.comparingLong(Waiver::id))
                .toList();
    List<Reason> judged = new ArrayList<>();
    Instant validUntil = now.plus(policy.decisionValidFor());
    for (Reason r : reasons) {
      Optional<Waiver> waiver =
          waivers.stream().filter(w -> w.waives().contains(r.code())).findFirst();
      if (waiver.isPresent()) {
        judged.add(r.waive(waiver.get().citation()));
        validUntil = earliest(validUntil, waiver.get().expiresAt());
      } else {
        judged.add(r);
      }
    }
    judged.sort(
        Comparator.comparing((Reason r) -> r.waived())
            .thenComparing(r -> -r.verdict().ordinal())
            .thenComparing(r -> r.code().ordinal()));
    Verdict verdict = Verdict.ALLOW;
    for (Reason r : judged) {
      if (!r.waived() && r.verdict().compareTo(verdict) > 0) {
        verdict = r.verdict();
      }
    }
    for (AgentObservation a : candidates) {
      validUntil = earliest(validUntil, a.expiresAt(policy.agentReportTtl()));
    }
    for (AgentObservation a : liveFresh) {
      validUntil = earliest(validUntil, a.expiresAt(policy.agentReportTtl()));
    }

    String policyDigest = policy.digest();
    String canonical =
        canonicalInputs(
            request,
            release,
            slot,
            live,
            lint,
            verify,
            policy,
            policyDigest,
            candidates,
            staleCandidates,
            stoppedCandidates,
            liveFresh,
            liveStale,
            waivers);
    String inputDigest = Sha256.digest(canonical);
    String decisionId = "d-" + inputDigest.substring("sha256:".length(), "sha256:".length() + 32);
    EvidenceRefs refs =
        new EvidenceRefs(
            lint.map(MigrationReport::digest).orElse(null),
            verify.map(MigrationReport::digest).orElse(null),
            candidates.stream().map(AgentObservation::instanceId).sorted().toList(),
            liveFresh.stream().map(AgentObservation::instanceId).sorted().toList());
    return new Decision(
        decisionId,
        request.app(),
        request.environment(),
        release,
        slot,
        verdict,
        judged,
        refs,
        policyDigest,
        inputDigest,
        now,
        validUntil);
  }

  /**
   * The agent reports a decision considers: every report received within {@link
   * Policy#agentReportRetention()}, and the newest report of each slot that is not a shutdown
   * report, however old (by received time, then instance id) — so a live slot whose agents all went
   * quiet stays "unknown" ({@code EVIDENCE_STALE}) for good. The store prunes exactly the others,
   * so pruning never changes a decision. Sorted by instance id, so that reasons list instances in
   * the same order whatever order the store returned them in.
   */
  public static List<AgentObservation> considered(
      List<AgentObservation> agents, Policy policy, Instant now) {
    Instant horizon = now.minus(policy.agentReportRetention());
    Map<Slot, AgentObservation> newest = new EnumMap<>(Slot.class);
    for (AgentObservation a : agents) {
      if (!a.stopping()) {
        newest.merge(a.slot(), a, (x, y) -> NEWEST_FIRST.compare(x, y) <= 0 ? x : y);
      }
    }
    return agents.stream()
        .filter(a -> !a.receivedAt().isBefore(horizon) || newest.get(a.slot()) == a)
        .sorted(Comparator.comparing(AgentObservation::instanceId))
        .toList();
  }

  /** Newest received first; ties by instance id (the store's pruning orders the same way). */
  private static final Comparator<AgentObservation> NEWEST_FIRST =
      Comparator.comparing(AgentObservation::receivedAt)
          .thenComparing(AgentObservation::instanceId)
          .reversed();

  private static void migrationReasons(
      EvidenceKind kind,
      ReasonCode missing,
      Optional<MigrationReport> report,
      String release,
      Policy policy,
      List<Reason> reasons) {
    if (report.isEmpty()) {
      if (policy.requireEvidence().contains(kind)) {
        String what =
            release == null
                ? "no candidate release is known, so no " + kind.wire() + " report can be matched"
                : "no " + kind.wire() + " report for release " + release;
        reasons.add(new Reason(missing, what, kind.wire() + "-report", null));
      }
      return;
    }
    MigrationReport r = report.get();
    for (Finding f : r.findings()) {
      if (!f.suppressed() && f.severity().atLeast(policy.blockingSeverity())) {
        String where =
            f.path() == null ? "" : f.path() + (f.line() > 0 ? ":" + f.line() : "") + ": ";
        reasons.add(
            new Reason(
                ReasonCode.MIGRATION_UNSAFE,
                where + f.message() + " (" + f.rule() + ", " + f.severity().wire() + ")",
                r.citation(),
                null));
      }
    }
  }

  private static void instanceReasons(
      Slot slot,
      String release,
      List<AgentObservation> candidates,
      List<AgentObservation> stale,
      List<AgentObservation> stopped,
      Policy policy,
      Instant now,
      List<Reason> reasons) {
    String releaseText = release == null ? "" : " of release " + release;
    if (candidates.size() < policy.minInstances()) {
      String stoppedText =
          stopped.isEmpty()
              ? ""
              : "; stopped: "
                  + stopped.stream()
                      .map(AgentObservation::instanceId)
                      .sorted()
                      .collect(Collectors.joining(", "));
      reasons.add(
          new Reason(
              ReasonCode.TOO_FEW_INSTANCES,
              candidates.size()
                  + " fresh "
                  + slot.wire()
                  + " agent report(s)"
                  + releaseText
                  + "; the policy needs "
                  + policy.minInstances()
                  + stoppedText,
              slot.wire(),
              null));
      for (AgentObservation a : stale) {
        long age = now.getEpochSecond() - a.receivedAt().getEpochSecond();
        reasons.add(
            new Reason(
                ReasonCode.EVIDENCE_STALE,
                a.instanceId()
                    + " last reported "
                    + age
                    + "s ago; reports count for "
                    + policy.agentReportTtl().toSeconds()
                    + "s",
                "agent:" + a.instanceId() + "#" + a.digest(),
                null));
      }
    }
    for (AgentObservation a : candidates) {
      String cite = "agent:" + a.instanceId() + "#" + a.digest();
      if (!policy.acceptedWarmup().contains(a.warmup())) {
        if (a.warmup().failed()) {
          reasons.add(
              new Reason(
                  ReasonCode.WARMUP_FAILED,
                  a.instanceId()
                      + " reports warm-up "
                      + a.warmup()
                      + "; it will not settle by waiting",
                  cite,
                  null));
        } else {
          reasons.add(
              new Reason(
                  ReasonCode.NOT_WARM,
                  a.instanceId() + " reports warm-up " + a.warmup(),
                  cite,
                  null));
        }
      }
    }
  }

  /**
   * {@code SESSIONS_IN_MEMORY}: a candidate keeps sessions in a storage the policy does not allow,
   * or will as soon as a user gets a session. The agent reports {@code storage} NONE until the
   * first session exists, so a stateless-looking green JVM with Tomcat's StandardManager is judged
   * by its configured storage once the app evidently uses sessions: the live slot, or a candidate
   * of this release, shows a session store in use or sessions. A truly stateless app stays allowed.
   */
  private static void sessionStorageReasons(
      Slot slot,
      Slot live,
      List<AgentObservation> candidates,
      List<AgentObservation> liveFresh,
      Policy policy,
      List<Reason> reasons) {
    Set<SessionStorage> allowed = policy.allowedSessionStorage();
    for (AgentObservation a : candidates) {
      String cite = "agent:" + a.instanceId() + "#" + a.digest();
      String manager = a.sessionManager() == null ? "" : " (" + a.sessionManager() + ")";
      if (!allowed.contains(a.sessionStorage())) {
        reasons.add(
            new Reason(
                ReasonCode.SESSIONS_IN_MEMORY,
                a.instanceId()
                    + " keeps sessions in "
                    + a.sessionStorage()
                    + manager
                    + "; allowed: "
                    + new TreeSet<>(allowed),
                cite,
                null));
        continue;
      }
      // once a session store is in use, storage is the truth (Spring Session on Tomcat keeps
      // sessions SHARED although Tomcat's own manager is configured in memory)
      if (a.sessionStorage() != SessionStorage.NONE
          || a.configuredStorage() == null
          || allowed.contains(a.configuredStorage())) {
        continue;
      }
      String why = sessionUse(a, live, candidates, liveFresh);
      if (why != null) {
        reasons.add(
            new Reason(
                ReasonCode.SESSIONS_IN_MEMORY,
                slot.wire()
                    + " instance "
                    + a.instanceId()
                    + " would keep sessions "
                    + where(a.configuredStorage())
                    + manager
                    + "; "
                    + why
                    + "; allowed: "
                    + new TreeSet<>(allowed),
                cite,
                null));
      }
    }
  }

  /** Why the app evidently uses sessions, or null when nothing shows it (a stateless app). */
  private static String sessionUse(
      AgentObservation candidate,
      Slot live,
      List<AgentObservation> candidates,
      List<AgentObservation> liveFresh) {
    List<AgentObservation> liveUsing =
        liveFresh.stream().filter(AgentObservation::usesSessions).toList();
    if (!liveUsing.isEmpty()) {
      long held = liveUsing.stream().mapToLong(AgentObservation::activeSessions).sum();
      String holders =
          liveUsing.stream()
              .sorted(Comparator.comparing(AgentObservation::instanceId))
              .map(l -> l.instanceId() + ": " + l.sessionStorage() + ", " + l.activeSessions())
              .collect(Collectors.joining("; "));
      return held > 0
          ? "the live slot " + live.wire() + " holds " + held + " session(s) (" + holders + ")"
          : "the live slot " + live.wire() + " uses sessions (" + holders + ")";
    }
    if (candidate.activeSessions() > 0) {
      return "it already reports " + candidate.activeSessions() + " active session(s)";
    }
    return candidates.stream()
        .filter(c -> c != candidate && c.usesSessions())
        .sorted(Comparator.comparing(AgentObservation::instanceId))
        .findFirst()
        .map(
            c ->
                c.instanceId()
                    + " of the same release uses sessions ("
                    + c.sessionStorage()
                    + ", "
                    + c.activeSessions()
                    + ")")
        .orElse(null);
  }

  private static String where(SessionStorage storage) {
    return switch (storage) {
      case IN_MEMORY -> "in memory";
      case LOCAL_DISK -> "on local disk";
      case REPLICATED_CLUSTER -> "in a replicated cluster";
      case SHARED -> "in a shared store";
      case NONE -> "nowhere";
      case UNKNOWN -> "in an unknown storage";
    };
  }

  private static void sessionsAtRisk(
      Slot live, List<AgentObservation> liveFresh, Policy policy, List<Reason> reasons) {
    long atRisk = 0;
    List<String> holders = new ArrayList<>();
    for (AgentObservation a : liveFresh) {
      if (!policy.allowedSessionStorage().contains(a.sessionStorage()) && a.activeSessions() > 0) {
        atRisk += a.activeSessions();
        holders.add(a.instanceId() + ": " + a.activeSessions());
      }
    }
    if (atRisk > policy.maxLiveSessionsAtRisk()) {
      reasons.add(
          new Reason(
              ReasonCode.SESSIONS_AT_RISK,
              atRisk
                  + " live in-memory session(s) on "
                  + live.wire()
                  + " ("
                  + String.join(", ", holders)
                  + ") would be dropped by switching now; the policy allows "
                  + policy.maxLiveSessionsAtRisk(),
              live.wire(),
              null));
    }
  }

  private static String canonicalInputs(
      DecisionRequest request,
      String release,
      Slot slot,
      Slot live,
      Optional<MigrationReport> lint,
      Optional<MigrationReport> verify,
      Policy policy,
      String policyDigest,
      List<AgentObservation> candidates,
      List<AgentObservation> stale,
      List<AgentObservation> stopped,
      List<AgentObservation> liveFresh,
      List<AgentObservation> liveStale,
      List<Waiver> waivers) {
    StringBuilder b = new StringBuilder();
    line(b, "app", request.app());
    line(b, "environment", request.environment());
    line(b, "release", release);
    line(b, "slot", slot.wire());
    line(b, "live", live.wire());
    line(b, "lint", lint.map(MigrationReport::digest).orElse(null));
    line(b, "verify", verify.map(MigrationReport::digest).orElse(null));
    line(b, "policy", policyDigest);
    agents(b, "candidate", candidates, policy);
    agents(b, "stale", stale, policy);
    agents(b, "stopped", stopped, policy);
    agents(b, "live", liveFresh, policy);
    if (liveFresh.isEmpty()) {
      agents(b, "live-stale", liveStale, policy);
    }
    for (Waiver w : waivers) {
      line(b, "override", w.citation() + "@" + w.expiresAt());
    }
    return b.toString();
  }

  private static void agents(
      StringBuilder b, String role, List<AgentObservation> agents, Policy policy) {
    agents.stream()
        .sorted(Comparator.comparing(AgentObservation::instanceId))
        .forEach(a -> line(b, role, a.instanceId() + "#" + decisiveFacts(a, policy)));
  }

  /**
   * What of an agent report can change the verdict or its reason codes. Agents report every few
   * seconds with new timestamps and signal values; hashing the whole body would give every read a
   * new decisionId, so a deployer's {@code POST /switches} would keep losing the race against the
   * next report. Session counts matter only for storage the policy does not allow, and only up to
   * one past the at-risk limit (a per-instance cap keeps the sum on the same side of the limit).
   * Whether an instance uses sessions at all, and the storage its server is configured with, decide
   * whether a candidate that has no session yet will keep them in memory.
   */
  private static String decisiveFacts(AgentObservation a, Policy policy) {
    long sessionsAtRisk =
        policy.allowedSessionStorage().contains(a.sessionStorage())
            ? 0
            : Math.min(a.activeSessions(), policy.maxLiveSessionsAtRisk() + 1);
    return a.slot().wire()
        + ","
        + a.release()
        + ","
        + a.warmup()
        + ","
        + a.sessionStorage()
        + ","
        + sessionsAtRisk
        + ","
        + (a.usesSessions() ? "uses-sessions" : "no-sessions")
        + ","
        + (a.configuredStorage() == null ? "-" : a.configuredStorage().name());
  }

  private static void line(StringBuilder b, String key, String value) {
    b.append(key).append('=').append(value == null ? "-" : value).append('\n');
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
