package dev.greenlight.gate.evaluation;

import dev.greenlight.gate.config.GateConfig;
import dev.greenlight.gate.decision.AgentObservation;
import dev.greenlight.gate.decision.Decision;
import dev.greenlight.gate.decision.DecisionEngine;
import dev.greenlight.gate.decision.DecisionRequest;
import dev.greenlight.gate.decision.Evidence;
import dev.greenlight.gate.decision.Policy;
import dev.greenlight.gate.decision.Slot;
import dev.greenlight.gate.store.GateStore;
import dev.greenlight.gate.store.LiveState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Runs the engine on stored evidence. Evaluations are cached per question and reused while the
 * store's evidence version is unchanged and the decision is younger than a second (and still
 * valid); a decision id not seen before is recorded, which appends it to the audit once.
 */
public final class DecisionService {
  private static final Duration REUSE_FOR = Duration.ofSeconds(1);
  private static final int MAX_CACHED = 10_000;

  private final GateStore store;
  private final GateConfig config;
  private final Clock clock;
  private final Consumer<Decision> onNewDecision;
  private final ConcurrentHashMap<String, Evaluation> cache = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
  private final Set<String> recordedIds = ConcurrentHashMap.newKeySet();

  public DecisionService(
      GateStore store, GateConfig config, Clock clock, Consumer<Decision> onNewDecision) {
    this.store = store;
    this.config = config;
    this.clock = clock;
    this.onNewDecision = onNewDecision;
  }

  /** The current decision, from the cache when nothing it depends on changed. */
  public Evaluation decide(DecisionRequest request, String actor) {
    String key =
        request.app()
            + '\u0000'
            + request.environment()
            + '\u0000'
            + (request.release() == null ? "" : request.release())
            + '\u0000'
            + (request.slot() == null ? "" : request.slot().wire());
    Evaluation cached = cache.get(key);
    if (reusable(cached)) {
      return cached;
    }
    // one evaluation per question at a time: readers arriving meanwhile reuse its result
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      long version = store.evidenceVersion();
      cached = cache.get(key);
      if (reusable(cached)) {
        return cached;
      }
      Evaluation fresh = new Evaluation(evaluate(request, clock.instant(), actor), version);
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
        locks.clear();
      }
      cache.put(key, fresh);
      return fresh;
    }
  }

  private boolean reusable(Evaluation e) {
    return e != null
        && e.evidenceVersion() == store.evidenceVersion()
        && clock.instant().isBefore(reuseUntil(e.decision()));
  }

  /** A decision computed now from the database, bypassing the cache (switches use this). */
  public Decision decideFresh(DecisionRequest request, String actor) {
    return evaluate(request, clock.instant(), actor);
  }

  public Policy policy(String app, String environment) {
    return config.policyFor(app, environment);
  }

  public LiveState liveState(String app, String environment) {
    return store
        .liveState(app, environment)
        .orElse(LiveState.initial(policy(app, environment).initialLiveSlot()));
  }

  private Instant reuseUntil(Decision d) {
    Instant soon = d.evaluatedAt().plus(REUSE_FOR);
    return d.validUntil().isBefore(soon) ? d.validUntil() : soon;
  }

  private Decision evaluate(DecisionRequest request, Instant now, String actor) {
    Policy policy = policy(request.app(), request.environment());
    Evidence evidence = load(request, policy);
    Decision d = DecisionEngine.decide(request, policy, evidence, now);
    if (!recordedIds.contains(d.decisionId())) {
      if (store.recordDecision(d, actor)) {
        onNewDecision.accept(d);
      }
      if (recordedIds.size() >= 100_000) {
        recordedIds.clear();
      }
      recordedIds.add(d.decisionId());
    }
    return d;
  }

  private Evidence load(DecisionRequest request, Policy policy) {
    var agents = store.agents(request.app(), request.environment());
    Slot live =
        store
            .liveState(request.app(), request.environment())
            .map(LiveState::live)
            .orElse(policy.initialLiveSlot());
    Set<String> releases = new TreeSet<>();
    if (request.release() != null) {
      releases.add(request.release());
    }
    for (AgentObservation a : agents) {
      releases.add(a.release());
    }
    return new Evidence(
        live,
        agents,
        store.reports(request.app(), releases),
        store.waivers(request.app(), request.environment()));
  }
}
