package dev.greenlight.agent.warmup;

import dev.greenlight.agent.config.AgentConfig;
import dev.greenlight.agent.config.ConfigKey;

/** The judge's thresholds; defaults and their reasons are in docs/agent.md. */
public final class WarmupThresholds {
  final int minUptimeSeconds;
  final int minRequests;
  final int minRequestsPerSecond;
  final int stableSeconds;
  final int windowSeconds;
  final double maxJitMsPerSec;
  final double maxClassesPerSec;
  final double maxGcPct;
  final double maxThrottledPct;
  final double codeCacheFullPct;
  final double minShiftPct;
  final double minShiftMs;
  final double slowdownPct;
  final int maxChangepoints;
  final int giveUpSeconds;

  public WarmupThresholds(
      int minUptimeSeconds,
      int minRequests,
      int minRequestsPerSecond,
      int stableSeconds,
      int windowSeconds,
      double maxJitMsPerSec,
      double maxClassesPerSec,
      double maxGcPct,
      double maxThrottledPct,
      double codeCacheFullPct,
      double minShiftPct,
      double minShiftMs,
      double slowdownPct,
      int maxChangepoints,
      int giveUpSeconds) {
    this.minUptimeSeconds = minUptimeSeconds;
    this.minRequests = minRequests;
    this.minRequestsPerSecond = minRequestsPerSecond;
    this.stableSeconds = stableSeconds;
    this.windowSeconds = Math.max(windowSeconds, stableSeconds + 10);
    this.maxJitMsPerSec = maxJitMsPerSec;
    this.maxClassesPerSec = maxClassesPerSec;
    this.maxGcPct = maxGcPct;
    this.maxThrottledPct = maxThrottledPct;
    this.codeCacheFullPct = codeCacheFullPct;
    this.minShiftPct = minShiftPct;
    this.minShiftMs = minShiftMs;
    this.slowdownPct = slowdownPct;
    this.maxChangepoints = maxChangepoints;
    this.giveUpSeconds = giveUpSeconds;
  }

  public static WarmupThresholds from(AgentConfig c) {
    return new WarmupThresholds(
        c.getInt(ConfigKey.WARMUP_MIN_UPTIME),
        c.getInt(ConfigKey.WARMUP_MIN_REQUESTS),
        c.getInt(ConfigKey.WARMUP_MIN_REQUESTS_PER_SECOND),
        c.getInt(ConfigKey.WARMUP_STABLE_SECONDS),
        c.getInt(ConfigKey.WARMUP_WINDOW),
        c.getDouble(ConfigKey.WARMUP_MAX_JIT_MS_PER_SEC),
        c.getDouble(ConfigKey.WARMUP_MAX_CLASSES_PER_SEC),
        c.getDouble(ConfigKey.WARMUP_MAX_GC_PCT),
        c.getDouble(ConfigKey.WARMUP_MAX_THROTTLED_PCT),
        c.getDouble(ConfigKey.WARMUP_CODE_CACHE_FULL_PCT),
        c.getDouble(ConfigKey.WARMUP_MIN_SHIFT_PCT),
        c.getDouble(ConfigKey.WARMUP_MIN_SHIFT_MS),
        c.getDouble(ConfigKey.WARMUP_SLOWDOWN_PCT),
        c.getInt(ConfigKey.WARMUP_MAX_CHANGEPOINTS),
        c.getInt(ConfigKey.WARMUP_GIVE_UP));
  }

  /** The documented defaults. */
  public static WarmupThresholds defaults() {
    return new WarmupThresholds(10, 100, 3, 30, 120, 15, 20, 20, 25, 95, 15, 1, 25, 4, 600);
  }

  int windowSeconds() {
    return windowSeconds;
  }
}
