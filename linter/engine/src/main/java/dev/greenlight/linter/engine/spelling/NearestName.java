package dev.greenlight.linter.engine.spelling;

import java.util.Collection;
import java.util.Optional;

/** Finds the valid name closest to a misspelt one, for "did you mean …?" hints. */
public final class NearestName {
  private NearestName() {}

  /** The candidate with the smallest edit distance to {@code name}; empty when none is given. */
  public static Optional<String> of(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(name, candidate);
      if (d < bestDistance || (d == bestDistance && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** A " (did you mean 'x'?)" suffix, or an empty string when there is no candidate. */
  public static String hint(String name, Collection<String> candidates) {
    return of(name, candidates).map(n -> " (did you mean '" + n + "'?)").orElse("");
  }

  /** Levenshtein distance, case-insensitive; {@code _} and {@code -} count as equal. */
  static int distance(String a, String b) {
    String x = normalise(a);
    String y = normalise(b);
    int[] previous = new int[y.length() + 1];
    int[] current = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[y.length()];
  }

  private static String normalise(String s) {
    return s.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
