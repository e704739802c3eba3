package dev.greenlight.agent.session;

import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The servlet container's own name ({@code ServletContext.getServerInfo()}), taken from the first
 * few requests and then never looked at again. Never creates a session.
 */
public final class ServerIdentity {
  private static final int MAX_ATTEMPTS = 8;
  private static final AtomicInteger ATTEMPTS = new AtomicInteger();
  private static volatile String serverInfo;
  // Reflection on the request loads servlet API classes; the host should not pay for that while it
  // starts, so the name is taken from requests after the agent's background start.
  private static volatile boolean observing;

  private ServerIdentity() {}

  /**
   * Called from the servlet advice. Cheap after the first success: one volatile read. Exceptions (a
   * request wrapper without a ServletContext, say) go back to the advice, which suppresses them.
   */
  public static void observe(Object request) throws ReflectiveOperationException {
    if (!observing || serverInfo != null || ATTEMPTS.get() >= MAX_ATTEMPTS) {
      return;
    }
    ATTEMPTS.incrementAndGet();
    Method getContext = publicMethod(request.getClass(), "getServletContext");
    Object context = getContext.invoke(request);
    if (context == null) {
      return;
    }
    Method getInfo = publicMethod(context.getClass(), "getServerInfo");
    Object info = getInfo.invoke(context);
    if (info instanceof String) {
      serverInfo = (String) info;
    }
  }

  /**
   * A public method reachable through a public type (the implementation may be package-private).
   */
  static Method publicMethod(Class<?> type, String name) throws NoSuchMethodException {
    Method m = type.getMethod(name);
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        try {
          return i.getMethod(name);
        } catch (NoSuchMethodException ignored) {
          // try the next interface
        }
      }
    }
    return m;
  }

  /** From the background thread once the agent has started: requests from now on are asked. */
  public static void startObserving() {
    observing = true;
  }

  /** What the container said, or null before the first request. */
  public static String serverInfo() {
    return serverInfo;
  }
}
