package dev.greenlight.agent.warmup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;

/**
 * Collects one latency point and one JVM reading per second (bounded ring buffers) and asks the
 * judge for a verdict. Runs only on the agent's background thread.
 */
public final class WarmupMonitor {
  private static final int RATE_SECONDS = 10;

  private final WarmupJudge judge;
  private final int keepSeconds;
  private final long startNanos;
  private final JvmSignals signals = new JvmSignals();
  private final Deque<LatencyPoint> latency = new ArrayDeque<>();
  private final Deque<JvmSignals.Reading> readings = new ArrayDeque<>();
  private Long firstTrafficSecond;
  private volatile WarmupAssessment latest;
  private BufferedWriter recording;

  /**
   * @param recordTo when not null, every second's signals are appended to this file as
   *     tab-separated values, so a service's warm-up can be replayed through the judge (the format
   *     {@link #RECORD_HEADER} names the columns)
   */
  public WarmupMonitor(WarmupThresholds thresholds, long startNanos, Path recordTo) {
    this.judge = new WarmupJudge(thresholds);
    this.keepSeconds = thresholds.windowSeconds() + 5;
    this.startNanos = startNanos;
    if (recordTo != null) {
      try {
        recording =
            Files.newBufferedWriter(
                recordTo,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        recording.write(RECORD_HEADER);
        recording.newLine();
      } catch (IOException e) {
        recording = null;
      }
    }
    tick();
  }

  /** Column names of a warm-up recording. */
  public static final String RECORD_HEADER =
      "second\tuptime\trequests\tp95Ms\tjitMsPerSec\tclassesPerSec\tgcPct\tcodeCachePct\tthrottledPct";

  private void record(long second, double uptime, long requests, double p95, WarmupInput in) {
    if (recording == null) {
      return;
    }
    try {
      recording.write(
          String.format(
              java.util.Locale.ROOT,
              "%d\t%.1f\t%d\t%.5f\t%s\t%s\t%s\t%s\t%s",
              second,
              uptime,
              requests,
              p95,
              cell(in.jitMsPerSec),
              cell(in.classesLoadedPerSec),
              cell(in.gcTimePct),
              cell(in.codeCacheUsedPct),
              cell(in.cpuThrottledPct)));
      recording.newLine();
      recording.flush();
    } catch (IOException e) {
      recording = null;
    }
  }

  private static String cell(Double d) {
    return d == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", d);
  }

  /** Called once a second. */
  public void tick() {
    long now = System.nanoTime();
    long second = (now - startNanos) / 1_000_000_000L;
    long[] counts = RequestLatency.drain();
    long n = RequestLatency.count(counts);
    if (n > 0) {
      latency.addLast(new LatencyPoint(second, n, RequestLatency.percentileMillis(counts, 0.95)));
      if (firstTrafficSecond == null) {
        firstTrafficSecond = second;
      }
    }
    while (!latency.isEmpty() && latency.peekFirst().second() < second - keepSeconds) {
      latency.removeFirst();
    }
    JvmSignals.Reading r = signals.read();
    readings.addLast(r);
    while (readings.size() > RATE_SECONDS + 1) {
      readings.removeFirst();
    }
    JvmSignals.Reading old = readings.peekFirst();
    double seconds = (r.nanos - old.nanos) / 1e9;
    Double jit = null;
    Double compiled = null;
    Double classes = null;
    Double gc = null;
    Double throttled = null;
    if (seconds >= 0.5) {
      jit = r.jitMillis >= 0 ? (r.jitMillis - old.jitMillis) / seconds : null;
      compiled =
          r.compiledMethods >= 0 ? (r.compiledMethods - old.compiledMethods) / seconds : null;
      classes = (r.classesLoaded - old.classesLoaded) / seconds;
      gc = (r.gcMillis - old.gcMillis) / (seconds * 10.0);
      long periods = r.cgroupPeriods - old.cgroupPeriods;
      if (r.cgroupPeriods >= 0 && old.cgroupPeriods >= 0 && periods > 0) {
        throttled = 100.0 * (r.cgroupThrottled - old.cgroupThrottled) / periods;
      }
    }
    Double codeCache = r.codeCacheMax > 0 ? 100.0 * r.codeCacheUsed / r.codeCacheMax : null;
    WarmupInput input =
        new WarmupInput(
            second,
            java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0,
            new ArrayList<>(latency),
            firstTrafficSecond,
            RequestLatency.total(),
            jit,
            compiled,
            classes,
            gc,
            codeCache,
            throttled);
    latest = judge.judge(input);
    record(
        second,
        input.uptimeSeconds,
        n,
        n > 0 ? RequestLatency.percentileMillis(counts, 0.95) : Double.NaN,
        input);
  }

  public WarmupAssessment latest() {
    return latest;
  }
}
