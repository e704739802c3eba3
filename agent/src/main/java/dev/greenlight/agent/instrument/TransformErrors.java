package dev.greenlight.agent.instrument;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.utility.JavaModule;

/**
 * Reports classes that could not be instrumented: one stderr line per failure, at most {@link
 * #MAX_LINES} lines in all, then one line saying the rest are counted but not printed.
 */
public final class TransformErrors extends AgentBuilder.Listener.Adapter {
  static final int MAX_LINES = 5;
  private static final AtomicInteger ERRORS = new AtomicInteger();
  private final PrintStream err;

  public TransformErrors(PrintStream err) {
    this.err = err;
  }

  /** Failures since start. */
  public static int count() {
    return ERRORS.get();
  }

  @Override
  public void onError(
      String typeName,
      ClassLoader classLoader,
      JavaModule module,
      boolean loaded,
      Throwable throwable) {
    int n = ERRORS.incrementAndGet();
    if (n <= MAX_LINES) {
      err.println(
          "[greenlight-agent] could not instrument "
              + typeName
              + " (left unchanged): "
              + throwable);
    } else if (n == MAX_LINES + 1) {
      err.println(
          "[greenlight-agent] more classes could not be instrumented; counted in the report,"
              + " not printed");
    }
  }
}
