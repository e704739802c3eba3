package dev.greenlight.agent.warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the warm-up signals into a verdict. Pure: the same input and thresholds always give the
 * same verdict, and time enters only through the input's clock values.
 *
 * <p>Latency is judged the way Barrett et al. ("Virtual Machine Warmup Blows Hot and Cold")
 * classify benchmark runs: find the changepoints of the recent per-second series; a long, final
 * segment at the best level is a steady state; a final level clearly slower than an earlier one is
 * a slowdown; levels that keep moving up and down are no steady state.
 */
public final class WarmupJudge {
  private static final int MIN_SEGMENT = 5;

  private final WarmupThresholds t;

  public WarmupJudge(WarmupThresholds thresholds) {
    this.t = thresholds;
  }

  public WarmupAssessment judge(WarmupInput in) {
    List<String> degraded = new ArrayList<>();
    if (in.codeCacheUsedPct != null && in.codeCacheUsedPct >= t.codeCacheFullPct) {
      degraded.add(
          compared(
              "code cache %s%% used >= %s%%: the JIT stops compiling",
              in.codeCacheUsedPct, t.codeCacheFullPct, false, 1));
    }
    if (in.gcTimePct != null && in.gcTimePct >= t.maxGcPct) {
      degraded.add(
          compared("GC takes %s%% of the time >= %s%%", in.gcTimePct, t.maxGcPct, false, 1));
    }

    List<LatencyPoint> points = new ArrayList<>();
    long requestsInWindow = 0;
    for (LatencyPoint p : in.latency) {
      if (p.second() > in.nowSecond - t.windowSeconds
          && p.second() <= in.nowSecond
          && p.requests() >= Math.max(1, t.minRequestsPerSecond)
          && !Double.isNaN(p.p95Ms())
          && p.p95Ms() > 0) {
        points.add(p);
        requestsInWindow += p.requests();
      }
    }
    double[] series = new double[points.size()];
    for (int i = 0; i < series.length; i++) {
      series[i] = Math.log(points.get(i).p95Ms());
    }
    List<Integer> cps =
        Changepoints.detect(series, MIN_SEGMENT, Math.log(1 + t.minShiftPct / 100.0), t.minShiftMs);
    int lastStart = cps.isEmpty() ? 0 : cps.get(cps.size() - 1);
    double currentP95 = Double.NaN;
    Long lastChangeAgo = null;
    if (!points.isEmpty()) {
      currentP95 = Math.exp(mean(series, lastStart, series.length));
      if (!cps.isEmpty()) {
        lastChangeAgo = in.nowSecond - points.get(lastStart).second();
      }
    }

    if (!degraded.isEmpty()) {
      return new WarmupAssessment(
          WarmupVerdict.DEGRADED, degraded, in, currentP95, lastChangeAgo, cps.size());
    }
    List<String> reasons = new ArrayList<>();
    if (in.uptimeSeconds < t.minUptimeSeconds) {
      reasons.add(fmt("uptime %d s < %d s", (long) in.uptimeSeconds, t.minUptimeSeconds));
    }
    if (requestsInWindow < t.minRequests || points.size() < 2 * MIN_SEGMENT) {
      reasons.add(
          fmt(
              "%d requests in %d seconds with traffic in the last %d s (need %d requests and %d"
                  + " such seconds)",
              requestsInWindow, points.size(), t.windowSeconds, t.minRequests, 2 * MIN_SEGMENT));
    }
    if (!reasons.isEmpty()) {
      return new WarmupAssessment(
          WarmupVerdict.INSUFFICIENT_DATA, reasons, in, currentP95, lastChangeAgo, cps.size());
    }

    // Segment levels, oldest first.
    List<Double> levels = new ArrayList<>();
    int from = 0;
    for (int cp : cps) {
      levels.add(Math.exp(mean(series, from, cp)));
      from = cp;
    }
    levels.add(currentP95);
    int upward = 0;
    for (int i = 1; i < levels.size(); i++) {
      if (levels.get(i) > levels.get(i - 1)) {
        upward++;
      }
    }
    long stableFor = in.nowSecond - points.get(lastStart).second() + 1;
    if (cps.size() >= t.maxChangepoints && upward >= 2) {
      reasons.add(
          fmt(
              "latency changed level %d times in the last %d s, %d of them upward: no steady"
                  + " state",
              cps.size(), t.windowSeconds, upward));
      return new WarmupAssessment(
          WarmupVerdict.NO_STEADY_STATE, reasons, in, currentP95, lastChangeAgo, cps.size());
    }
    double bestEarlier = Double.POSITIVE_INFINITY;
    for (int i = 0; i < levels.size() - 1; i++) {
      bestEarlier = Math.min(bestEarlier, levels.get(i));
    }
    boolean slowdown = currentP95 > bestEarlier * (1 + t.slowdownPct / 100.0);
    if (slowdown && stableFor >= t.stableSeconds) {
      reasons.add(
          fmt(
              "latency settled at p95 %s ms, %.0f%% above the %s ms reached earlier"
                  + " (slowdown)",
              ms(currentP95), (currentP95 / bestEarlier - 1) * 100, ms(bestEarlier)));
      return new WarmupAssessment(
          WarmupVerdict.DEGRADED, reasons, in, currentP95, lastChangeAgo, cps.size());
    }

    if (stableFor < t.stableSeconds) {
      reasons.add(
          cps.isEmpty()
              ? fmt(
                  "latency observed for %d s; waiting for %d s of stable latency",
                  stableFor, t.stableSeconds)
              : fmt(
                  "latency level changed %d s ago (p95 now %s ms); waiting for %d s of stable"
                      + " latency",
                  lastChangeAgo, ms(currentP95), t.stableSeconds));
    }
    if (in.jitMsPerSec != null && in.jitMsPerSec > t.maxJitMsPerSec) {
      reasons.add(
          compared(
              "jit compile rate %s ms/s > %s ms/s", in.jitMsPerSec, t.maxJitMsPerSec, true, 0));
    }
    if (in.classesLoadedPerSec != null && in.classesLoadedPerSec > t.maxClassesPerSec) {
      reasons.add(
          compared(
              "class loading %s classes/s > %s classes/s",
              in.classesLoadedPerSec, t.maxClassesPerSec, true, 1));
    }
    if (in.cpuThrottledPct != null && in.cpuThrottledPct > t.maxThrottledPct) {
      reasons.add(
          compared(
              "CPU throttled in %s%% of cgroup periods > %s%%",
              in.cpuThrottledPct, t.maxThrottledPct, true, 0));
    }
    if (!reasons.isEmpty()) {
      long trafficFor = in.firstTrafficSecond == null ? 0 : in.nowSecond - in.firstTrafficSecond;
      if (trafficFor >= t.giveUpSeconds) {
        reasons.add(fmt("still not steady after %d s of traffic", trafficFor));
        return new WarmupAssessment(
            WarmupVerdict.NO_STEADY_STATE, reasons, in, currentP95, lastChangeAgo, cps.size());
      }
      return new WarmupAssessment(
          WarmupVerdict.WARMING, reasons, in, currentP95, lastChangeAgo, cps.size());
    }
    reasons.add(fmt("p95 %s ms stable for %d s", ms(currentP95), stableFor));
    if (in.jitMsPerSec != null) {
      reasons.add(
          compared(
              "jit compile rate %s ms/s <= %s ms/s", in.jitMsPerSec, t.maxJitMsPerSec, false, 1));
    }
    return new WarmupAssessment(
        WarmupVerdict.WARM, reasons, in, currentP95, lastChangeAgo, cps.size());
  }

  private static double mean(double[] x, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += x[i];
    }
    return sum / Math.max(1, to - from);
  }

  /** Milliseconds with enough digits for sub-millisecond services: 12.4, 0.85, 0.0031. */
  static String ms(double millis) {
    if (millis >= 10) {
      return String.format(Locale.ROOT, "%.1f", millis);
    }
    return String.format(Locale.ROOT, "%.2g", millis);
  }

  /**
   * A reason comparing a signal with its threshold. The threshold is printed exactly (as few
   * decimals as it needs, at most 3); the signal with at least as many decimals (and at least
   * {@code minDecimals}), and — for a strict comparison — with as many more as it takes to print a
   * number above the threshold, so a reason never reads "15 ms/s > 15 ms/s". Rounding both at the
   * threshold's precision keeps {@code >=} and {@code <=} true as printed.
   */
  static String compared(
      String format, double value, double limit, boolean strict, int minDecimals) {
    int limitDecimals = 0;
    while (limitDecimals < 3
        && Math.abs(Double.parseDouble(fixed(limit, limitDecimals)) - limit) > 1e-9) {
      limitDecimals++;
    }
    int decimals = Math.max(minDecimals, limitDecimals);
    String shownValue = fixed(value, decimals);
    while (strict && Double.parseDouble(shownValue) <= limit && decimals < 9) {
      decimals++;
      shownValue = fixed(value, decimals);
    }
    return fmt(format, shownValue, fixed(limit, limitDecimals));
  }

  private static String fixed(double x, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", x);
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
