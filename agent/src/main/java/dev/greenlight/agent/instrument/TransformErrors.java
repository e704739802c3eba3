package dev.greenlight.agent.instrument;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reports classes that could not be instrumented: one stderr line per failure, at most {@link
 * #MAX_LINES} lines in all, then one line saying the rest are counted but not printed.
 */
public final class TransformErrors {
  static final int MAX_LINES = 5;
  private static final AtomicInteger ERRORS = new AtomicInteger();
  private final AtomicInteger reported = new AtomicInteger();
  private final PrintStream err;

  public TransformErrors(PrintStream err) {
    this.err = err;
  }

  /** Failures since start (all reporters: the agent has one). */
  public static int count() {
    return ERRORS.get();
  }

  /** One class left unchanged, and why. */
  public void report(String typeName, Object problem) {
    ERRORS.incrementAndGet();
    int n = reported.incrementAndGet();
    if (n <= MAX_LINES) {
      err.println(
          "[greenlight-agent] could not instrument " + typeName + " (left unchanged): " + problem);
    } else if (n == MAX_LINES + 1) {
      err.println(
          "[greenlight-agent] more classes could not be instrumented; counted in the report,"
              + " not printed");
    }
  }
}
