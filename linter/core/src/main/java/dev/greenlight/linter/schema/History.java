package dev.greenlight.linter.schema;

import java.util.Arrays;

/** The versions of one named object over the replay: value (or null when absent) per step. */
final class History<T> {
  private int[] steps = new int[2];
  private Object[] values = new Object[2];
  private int size;

  void put(int step, T value) {
    if (size > 0 && steps[size - 1] == step) {
      values[size - 1] = value;
      return;
    }
    if (size == steps.length) {
      steps = Arrays.copyOf(steps, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    steps[size] = step;
    values[size] = value;
    size++;
  }

  /** The value before step {@code step} ran, or null. */
  @SuppressWarnings("unchecked")
  T before(int step) {
    int lo = 0;
    int hi = size - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (steps[mid] < step) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0 ? null : (T) values[found];
  }

  @SuppressWarnings("unchecked")
  T latest() {
    return size == 0 ? null : (T) values[size - 1];
  }

  /** The step of the first version, or {@code Integer.MAX_VALUE} when there is none. */
  int firstStep() {
    return size == 0 ? Integer.MAX_VALUE : steps[0];
  }

  /** Whether some step ever gave the object a value. */
  boolean everExisted() {
    for (int i = 0; i < size; i++) {
      if (values[i] != null) {
        return true;
      }
    }
    return false;
  }
}
