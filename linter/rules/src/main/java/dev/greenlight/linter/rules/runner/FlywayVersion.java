package dev.greenlight.linter.rules.runner;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A Flyway migration version compared as Flyway does: dot- or underscore-separated numbers, each
 * compared numerically, trailing zeros ignored ({@code 1.10 > 1.9}, {@code 1.0 = 1}).
 */
record FlywayVersion(List<BigInteger> parts, String text) implements Comparable<FlywayVersion> {

  /** Parses {@code 1.2}, {@code 1_2}, {@code 20240101120000}; null when not numeric. */
  static FlywayVersion parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    List<BigInteger> parts = new ArrayList<>();
    for (String part : text.trim().split("[._]")) {
      if (part.isEmpty() || !part.chars().allMatch(Character::isDigit)) {
        return null;
      }
      parts.add(new BigInteger(part));
    }
    while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
      parts.remove(parts.size() - 1);
    }
    return new FlywayVersion(List.copyOf(parts), text.trim());
  }

  @Override
  public int compareTo(FlywayVersion other) {
    int n = Math.max(parts.size(), other.parts.size());
    for (int i = 0; i < n; i++) {
      BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
      BigInteger b = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
      int c = a.compareTo(b);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FlywayVersion v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    return parts.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
