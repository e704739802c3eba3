package dev.greenlight.linter.verify.observe;

import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Polls the locks of a backend while a statement that cannot run inside a transaction block runs
 * (for example {@code CREATE INDEX CONCURRENTLY}): its locks are gone once it returns, so they can
 * only be seen while it runs. Sampling can miss a very short lock; locks held after a statement
 * inside a transaction are read exactly instead.
 */
public final class LockSampler implements AutoCloseable {
  private final LockReader reader;
  private final int pid;
  private final Set<HeldLock> seen = Collections.synchronizedSet(new LinkedHashSet<>());
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private volatile SQLException failure;

  /** Starts sampling the backend {@code pid} with the given reader (owned by the sampler). */
  public LockSampler(LockReader reader, int pid) {
    this.reader = reader;
    this.pid = pid;
    this.thread = new Thread(this::poll, "greenlight-verify-lock-sampler");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void poll() {
    while (running.get()) {
      try {
        seen.addAll(reader.locksOf(pid));
      } catch (SQLException e) {
        failure = e;
        return;
      }
      // A short pause leaves the CPU to the statement being watched (each query is ~0.2 ms).
      LockSupport.parkNanos(500_000);
    }
  }

  /** Stops sampling and returns every lock seen. */
  public Set<HeldLock> stop() throws SQLException {
    running.set(false);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
    synchronized (seen) {
      return new LinkedHashSet<>(seen);
    }
  }

  @Override
  public void close() throws SQLException {
    stop();
  }
}
