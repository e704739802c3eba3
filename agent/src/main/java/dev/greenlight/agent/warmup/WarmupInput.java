package dev.greenlight.agent.warmup;

import java.util.List;

/**
 * Everything the judge looks at, measured at one moment. Rates are over the last few seconds;
 * {@code null} means the signal is not available on this JVM or host.
 */
public final class WarmupInput {
  final long nowSecond;
  final double uptimeSeconds;
  final List<LatencyPoint> latency;
  final Long firstTrafficSecond;
  final long totalRequests;
  final Double jitMsPerSec;
  final Double compiledMethodsPerSec;
  final Double classesLoadedPerSec;
  final Double gcTimePct;
  final Double codeCacheUsedPct;
  final Double cpuThrottledPct;

  /**
   * @param nowSecond the current second on the same clock as the latency points
   * @param firstTrafficSecond the first second that had requests, or null
   */
  public WarmupInput(
      long nowSecond,
      double uptimeSeconds,
      List<LatencyPoint> latency,
      Long firstTrafficSecond,
      long totalRequests,
      Double jitMsPerSec,
      Double compiledMethodsPerSec,
      Double classesLoadedPerSec,
      Double gcTimePct,
      Double codeCacheUsedPct,
      Double cpuThrottledPct) {
    this.nowSecond = nowSecond;
    this.uptimeSeconds = uptimeSeconds;
    this.latency = latency;
    this.firstTrafficSecond = firstTrafficSecond;
    this.totalRequests = totalRequests;
    this.jitMsPerSec = jitMsPerSec;
    this.compiledMethodsPerSec = compiledMethodsPerSec;
    this.classesLoadedPerSec = classesLoadedPerSec;
    this.gcTimePct = gcTimePct;
    this.codeCacheUsedPct = codeCacheUsedPct;
    this.cpuThrottledPct = cpuThrottledPct;
  }
}
