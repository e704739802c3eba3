package dev.greenlight.agent.instrument;

import dev.greenlight.agent.session.ServerIdentity;
import dev.greenlight.agent.session.SessionStores;
import dev.greenlight.agent.sql.SqlCapture;
import dev.greenlight.agent.warmup.RequestLatency;

/**
 * The static methods that instrumented classes call. Each catches every Throwable itself: whatever
 * goes wrong in the agent, the host's method carries on exactly as it would have without it.
 */
public final class Hooks {
  static final String INTERNAL_NAME = "dev/greenlight/agent/instrument/Hooks";

  private Hooks() {}

  /** After {@code HttpServlet.service} returned or threw: two counter increments, mostly. */
  public static void serviced(long startNanos, Object request) {
    try {
      RequestLatency.record(System.nanoTime() - startNanos);
      ServerIdentity.observe(request);
    } catch (Throwable ignored) {
      // e.g. a request wrapper without a ServletContext: the request itself is not affected
    }
  }

  /** At the end of a session manager's or session cache's constructor. */
  public static void sessionStore(Object store) {
    try {
      SessionStores.containerStore(store);
    } catch (Throwable ignored) {
      // the store is then not reported; the host is not affected
    }
  }

  /** At the start of Spring Session's {@code SessionRepositoryFilter(repository)}. */
  public static void springSessionRepository(Object repository) {
    try {
      SessionStores.springRepository(repository);
    } catch (Throwable ignored) {
      // the repository is then not reported; the host is not affected
    }
  }

  /** When {@code Connection.prepareStatement/prepareCall} returns {@code statement}. */
  public static void sqlPrepared(Object statement, String sql) {
    try {
      SqlCapture.prepared(sql, statement);
    } catch (Throwable ignored) {
      // the text is then not captured; the host is not affected
    }
  }

  /**
   * At the start of {@code Statement.execute*(String…)}, {@code addBatch(String)} (or a prepare).
   */
  public static void sqlText(String sql) {
    try {
      SqlCapture.executed(sql);
    } catch (Throwable ignored) {
      // the text is then not captured; the host is not affected
    }
  }
}
