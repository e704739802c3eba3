package dev.greenlight.gate.router;

import dev.greenlight.gate.config.GateConfig;
import dev.greenlight.gate.config.RouterSettings;
import dev.greenlight.gate.decision.AgentObservation;
import dev.greenlight.gate.decision.Decision;
import dev.greenlight.gate.decision.DecisionEngine;
import dev.greenlight.gate.decision.DecisionRequest;
import dev.greenlight.gate.decision.Finding;
import dev.greenlight.gate.decision.MigrationReport;
import dev.greenlight.gate.decision.Policy;
import dev.greenlight.gate.decision.Slot;
import dev.greenlight.gate.evaluation.DecisionService;
import dev.greenlight.gate.store.AuditEntry;
import dev.greenlight.gate.store.DecisionRecord;
import dev.greenlight.gate.store.GateStore;
import dev.greenlight.gate.store.LiveState;
import dev.greenlight.gate.store.SwitchOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Moves traffic: checks that a switch rests on a current allow, records it (exactly one of
 * concurrent switches wins, across gate processes too), drives the router and records what it did.
 * Switching back is never blocked; it only warns.
 */
public final class Switchboard {
  /** Rules whose findings mean the schema change cannot be undone by switching back. */
  static final Set<String> IRREVERSIBLE_RULES =
      Set.of(
          "ban-drop-column",
          "ban-drop-table",
          "ban-drop-schema",
          "ban-drop-database-object",
          "ban-drop-cascade",
          "ban-rename-column",
          "ban-rename-table",
          "ban-rename-schema",
          "ban-rename-enum-value",
          "ban-truncate",
          "ban-unsafe-type-change",
          "ban-add-required-column",
          "ban-drop-default");

  private final GateStore store;
  private final GateConfig config;
  private final DecisionService decisions;
  private final Clock clock;

  public Switchboard(GateStore store, GateConfig config, DecisionService decisions, Clock clock) {
    this.store = store;
    this.config = config;
    this.decisions = decisions;
    this.clock = clock;
  }

  public SwitchResult switchTo(String app, String env, String decisionId, Slot to, String actor) {
    Policy policy = config.policyFor(app, env);
    LiveState before = decisions.liveState(app, env);
    if (before.live() == to) {
      return new SwitchResult.Refused(to.wire() + " is already live for " + app + "/" + env, "to");
    }
    Optional<DecisionRecord> record = store.decisionRecord(decisionId);
    if (record.isEmpty()
        || !record.get().app().equals(app)
        || !record.get().environment().equals(env)) {
      return new SwitchResult.Refused(
          "decision "
              + decisionId
              + " is unknown for "
              + app
              + "/"
              + env
              + "; ask for a decision first",
          "decisionId");
    }
    if (record.get().slot() != to) {
      return new SwitchResult.Refused(
          "decision "
              + decisionId
              + " is about slot "
              + record.get().slot().wire()
              + ", not "
              + to.wire(),
          "to");
    }
    Decision now =
        decisions.decideFresh(new DecisionRequest(app, env, record.get().release(), to), actor);
    if (!now.decisionId().equals(decisionId)) {
      return new SwitchResult.Refused(
          "decision "
              + decisionId
              + " is no longer current: the evidence changed and the decision now is "
              + now.decisionId()
              + " ("
              + now.verdict().wire()
              + (now.activeCodes().isEmpty() ? "" : ": " + now.activeCodes())
              + ")",
          "decisionId");
    }
    if (!now.allowed()) {
      return new SwitchResult.Refused(
          "decision " + decisionId + " is " + now.verdict().wire() + ": " + now.activeCodes(),
          "decisionId");
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("verdict", now.verdict().wire());
    SwitchOutcome outcome =
        store.recordSwitch(
            app,
            env,
            policy.initialLiveSlot(),
            before.revision(),
            to,
            "switch",
            decisionId,
            now.release(),
            actor,
            detail);
    return drive(app, env, outcome, actor, List.of());
  }

  public SwitchResult switchBack(String app, String env, String reason, String actor) {
    Policy policy = config.policyFor(app, env);
    LiveState before = decisions.liveState(app, env);
    if (before.previous() == null) {
      return new SwitchResult.Refused(
          app
              + "/"
              + env
              + " has not been switched yet; "
              + before.live().wire()
              + " is live and there is nothing to go back to",
          "app");
    }
    List<String> warnings = irreversibleChanges(app, before.release());
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("reason", reason);
    detail.put("warnings", warnings);
    SwitchOutcome outcome =
        store.recordSwitch(
            app,
            env,
            policy.initialLiveSlot(),
            before.revision(),
            before.previous(),
            "switch-back",
            null,
            null,
            actor,
            detail);
    return drive(app, env, outcome, actor, warnings);
  }

  public GateStatus status(String app, String env) {
    Policy policy = config.policyFor(app, env);
    LiveState state = decisions.liveState(app, env);
    Instant now = clock.instant();
    Instant windowEnd =
        state.switchedAt() == null ? null : state.switchedAt().plus(policy.insuranceWindow());
    boolean decommission = windowEnd != null && !now.isBefore(windowEnd);
    List<String> rollback = new ArrayList<>();
    List<AgentObservation> agents = DecisionEngine.considered(store.agents(app, env), policy, now);
    List<GateStatus.Instance> instances = new ArrayList<>();
    for (AgentObservation a : agents) {
      instances.add(
          new GateStatus.Instance(
              a.instanceId(),
              a.slot().wire(),
              a.release(),
              a.stopping()
                  ? "stopped"
                  : a.freshAt(now, policy.agentReportTtl()) ? "fresh" : "stale",
              a.receivedAt()));
    }
    if (windowEnd != null && now.isBefore(windowEnd)) {
      for (AgentObservation a : agents) {
        if (a.slot() == state.live()
            && a.freshAt(now, policy.agentReportTtl())
            && a.warmup().failed()) {
          rollback.add(
              a.instanceId()
                  + " on live "
                  + state.live().wire()
                  + " reports warm-up "
                  + a.warmup());
        }
      }
    }
    return new GateStatus(app, env, state, windowEnd, decommission, rollback, instances);
  }

  private SwitchResult drive(
      String app, String env, SwitchOutcome outcome, String actor, List<String> warnings) {
    if (outcome instanceof SwitchOutcome.Conflict c) {
      return new SwitchResult.Refused(c.why(), "to");
    }
    SwitchOutcome.Switched done = (SwitchOutcome.Switched) outcome;
    Optional<RouterDriver> driver = config.routerFor(app, env).map(Switchboard::driverFor);
    if (driver.isEmpty()) {
      return new SwitchResult.Done(done.after(), null, null, done.event().seq(), warnings);
    }
    RouterDriver.FlipResult flip = driver.get().flip(done.after().live());
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("driver", driver.get().type());
    detail.put("to", done.after().live().wire());
    detail.put("ok", flip.ok());
    detail.put("message", flip.message());
    store.append(
        new AuditEntry(
            clock.instant(),
            actor,
            "router",
            app,
            env,
            done.after().release(),
            done.event().hash().substring(0, 16),
            null,
            detail));
    if (flip.ok()) {
      return new SwitchResult.Done(
          done.after(), driver.get().type(), flip, done.event().seq(), warnings);
    }
    SwitchOutcome revert =
        store.recordSwitch(
            app,
            env,
            done.before().live(),
            done.after().revision(),
            done.before().live(),
            "switch-revert",
            done.before().decisionId(),
            done.before().release(),
            actor,
            Map.of("reason", "router failed: " + flip.message()));
    LiveState state =
        revert instanceof SwitchOutcome.Switched s ? s.after() : decisions.liveState(app, env);
    return new SwitchResult.RouterFailed(
        "the "
            + driver.get().type()
            + " router failed, so "
            + state.live().wire()
            + " stays live: "
            + flip.message(),
        state);
  }

  static RouterDriver driverFor(RouterSettings settings) {
    if (settings instanceof RouterSettings.Haproxy h) {
      return new HaproxyDriver(h);
    }
    return new CommandDriver((RouterSettings.Command) settings);
  }

  private List<String> irreversibleChanges(String app, String release) {
    List<String> warnings = new ArrayList<>();
    if (release == null) {
      return warnings;
    }
    Map<String, MigrationReport> reports = store.reports(app, List.of(release));
    for (MigrationReport r : reports.values()) {
      for (Finding f : r.findings()) {
        if (IRREVERSIBLE_RULES.contains(f.rule())) {
          warnings.add(
              (f.path() == null ? "" : f.path() + (f.line() > 0 ? ":" + f.line() : "") + ": ")
                  + f.message()
                  + " ("
                  + f.rule()
                  + (f.suppressed() ? ", suppressed" : "")
                  + ") — applied with release "
                  + release
                  + " and not undone by switching back; the old release may fail against this schema");
        }
      }
    }
    if (reports.isEmpty()) {
      warnings.add(
          "no lint or verify report for release " + release + ": reversibility is unknown");
    }
    return warnings;
  }
}
