package dev.greenlight.agent.warmup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Mean-shift changepoints by binary segmentation with a penalty scaled to the series' own noise
 * (estimated robustly from first differences), and a minimum effect size so that tiny, real but
 * irrelevant shifts do not count.
 */
public final class Changepoints {
  private Changepoints() {}

  /**
   * Indices where a new level starts, ascending.
   *
   * @param x the series (here: log of per-second p95 latency)
   * @param minSegment shortest segment allowed
   * @param minShift smallest absolute difference of segment means that counts
   * @param minLinearShift smallest difference of {@code exp} of the segment means that counts (for
   *     a log series: the smallest change in the original unit; 0 for none)
   */
  public static List<Integer> detect(
      double[] x, int minSegment, double minShift, double minLinearShift) {
    List<Integer> found = new ArrayList<>();
    if (x.length < 2 * minSegment) {
      return found;
    }
    double sigma = Math.max(noise(x), 0.02);
    double penalty = 3 * sigma * sigma * Math.log(x.length);
    double[] prefix = new double[x.length + 1];
    double[] prefixSq = new double[x.length + 1];
    for (int i = 0; i < x.length; i++) {
      prefix[i + 1] = prefix[i] + x[i];
      prefixSq[i + 1] = prefixSq[i] + x[i] * x[i];
    }
    split(prefix, prefixSq, 0, x.length, minSegment, minShift, minLinearShift, penalty, found, 0);
    Collections.sort(found);
    return found;
  }

  private static void split(
      double[] s,
      double[] sq,
      int from,
      int to,
      int minSegment,
      double minShift,
      double minLinearShift,
      double penalty,
      List<Integer> found,
      int depth) {
    if (to - from < 2 * minSegment || depth > 20) {
      return;
    }
    double whole = cost(s, sq, from, to);
    double bestGain = 0;
    int best = -1;
    for (int k = from + minSegment; k <= to - minSegment; k++) {
      double gain = whole - cost(s, sq, from, k) - cost(s, sq, k, to);
      if (gain > bestGain) {
        bestGain = gain;
        best = k;
      }
    }
    if (best < 0 || bestGain <= penalty) {
      return;
    }
    double left = mean(s, from, best);
    double right = mean(s, best, to);
    if (Math.abs(left - right) < minShift
        || Math.abs(Math.exp(left) - Math.exp(right)) < minLinearShift) {
      return;
    }
    found.add(best);
    split(s, sq, from, best, minSegment, minShift, minLinearShift, penalty, found, depth + 1);
    split(s, sq, best, to, minSegment, minShift, minLinearShift, penalty, found, depth + 1);
  }

  static double mean(double[] s, int from, int to) {
    return (s[to] - s[from]) / (to - from);
  }

  private static double cost(double[] s, double[] sq, int from, int to) {
    double n = to - from;
    double sum = s[to] - s[from];
    return (sq[to] - sq[from]) - sum * sum / n;
  }

  /** Robust standard deviation of the noise: MAD of first differences, scaled. */
  static double noise(double[] x) {
    if (x.length < 3) {
      return 0;
    }
    double[] d = new double[x.length - 1];
    for (int i = 1; i < x.length; i++) {
      d[i - 1] = x[i] - x[i - 1];
    }
    double med = median(d);
    double[] dev = new double[d.length];
    for (int i = 0; i < d.length; i++) {
      dev[i] = Math.abs(d[i] - med);
    }
    return 1.4826 * median(dev) / Math.sqrt(2);
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
