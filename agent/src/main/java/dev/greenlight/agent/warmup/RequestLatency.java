package dev.greenlight.agent.warmup;

import java.util.concurrent.atomic.LongAdder;

/**
 * Request latencies of the current second in a lock-free log-scale histogram of nanoseconds (four
 * buckets per power of two, so a percentile is within about 19%, from nanoseconds to minutes).
 * Request threads only add to one counter; the background thread drains the histogram once a
 * second.
 */
public final class RequestLatency {
  static final int BUCKETS = 4 * 40;
  private static final LongAdder[] HISTOGRAM = new LongAdder[BUCKETS];
  private static final LongAdder TOTAL = new LongAdder();

  static {
    for (int i = 0; i < BUCKETS; i++) {
      HISTOGRAM[i] = new LongAdder();
    }
  }

  private RequestLatency() {}

  /** Called by the servlet advice with the nanoseconds one {@code service} call took. */
  public static void record(long nanos) {
    HISTOGRAM[bucket(nanos)].increment();
    TOTAL.increment();
  }

  /** Requests measured since the JVM started. */
  public static long total() {
    return TOTAL.sum();
  }

  static int bucket(long nanos) {
    if (nanos < 4) {
      return (int) Math.max(0, nanos);
    }
    int octave = 63 - Long.numberOfLeadingZeros(nanos);
    int sub = (int) ((nanos >>> (octave - 2)) & 3);
    return Math.min(BUCKETS - 1, octave * 4 + sub - 4);
  }

  /** The middle of a bucket, in nanoseconds. */
  static double bucketNanos(int bucket) {
    if (bucket < 4) {
      return bucket;
    }
    int octave = (bucket + 4) / 4;
    int sub = (bucket + 4) % 4;
    double low = (4 + sub) * Math.pow(2, octave - 2);
    double high = (5 + sub) * Math.pow(2, octave - 2);
    return (low + high) / 2;
  }

  /** Takes and resets the counts of the second that just ended. */
  public static long[] drain() {
    long[] counts = new long[BUCKETS];
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] = HISTOGRAM[i].sumThenReset();
    }
    return counts;
  }

  /** A percentile (0..1) of drained counts in milliseconds, or NaN when empty. */
  public static double percentileMillis(long[] counts, double p) {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    if (n == 0) {
      return Double.NaN;
    }
    long rank = (long) Math.ceil(p * n);
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return bucketNanos(i) / 1e6;
      }
    }
    return bucketNanos(counts.length - 1) / 1e6;
  }

  public static long count(long[] counts) {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return n;
  }
}
