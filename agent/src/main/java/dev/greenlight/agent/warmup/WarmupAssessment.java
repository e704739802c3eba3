package dev.greenlight.agent.warmup;

import java.util.Collections;
import java.util.List;

/** A verdict with its human-readable reasons and the signal values it was based on. */
public final class WarmupAssessment {
  private final WarmupVerdict verdict;
  private final List<String> reasons;
  private final WarmupInput input;
  private final double p95Ms;
  private final Long lastChangepointSecondsAgo;
  private final int changepoints;

  WarmupAssessment(
      WarmupVerdict verdict,
      List<String> reasons,
      WarmupInput input,
      double p95Ms,
      Long lastChangepointSecondsAgo,
      int changepoints) {
    this.verdict = verdict;
    this.reasons = Collections.unmodifiableList(reasons);
    this.input = input;
    this.p95Ms = p95Ms;
    this.lastChangepointSecondsAgo = lastChangepointSecondsAgo;
    this.changepoints = changepoints;
  }

  public WarmupVerdict verdict() {
    return verdict;
  }

  public List<String> reasons() {
    return reasons;
  }

  public Double jitMsPerSec() {
    return input.jitMsPerSec;
  }

  public Double compiledMethodsPerSec() {
    return input.compiledMethodsPerSec;
  }

  public Double classesLoadedPerSec() {
    return input.classesLoadedPerSec;
  }

  public Double gcTimePct() {
    return input.gcTimePct;
  }

  public Double codeCacheUsedPct() {
    return input.codeCacheUsedPct;
  }

  public Double cpuThrottledPct() {
    return input.cpuThrottledPct;
  }

  public long requests() {
    return input.totalRequests;
  }

  /** The p95 latency of the current level (the last segment), NaN without traffic. */
  public double p95Ms() {
    return p95Ms;
  }

  public Long lastChangepointSecondsAgo() {
    return lastChangepointSecondsAgo;
  }

  public int changepoints() {
    return changepoints;
  }
}
