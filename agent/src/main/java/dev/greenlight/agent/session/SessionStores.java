package dev.greenlight.agent.session;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The session stores the advice has seen being constructed: container session managers and Spring
 * Session repositories. Weakly held (an undeployed web application's manager must be collectable)
 * and bounded in number.
 */
public final class SessionStores {
  static final int MAX = 64;
  private static final List<WeakReference<Object>> CONTAINER = new ArrayList<>();
  private static final List<WeakReference<Object>> SPRING = new ArrayList<>();

  private SessionStores() {}

  /** From the constructor advice of a container's session manager or cache. */
  public static void containerStore(Object store) {
    add(CONTAINER, store);
  }

  /** From the constructor advice of Spring Session's SessionRepositoryFilter. */
  public static void springRepository(Object repository) {
    add(SPRING, repository);
  }

  private static void add(List<WeakReference<Object>> list, Object o) {
    if (o == null) {
      return;
    }
    synchronized (list) {
      for (Iterator<WeakReference<Object>> it = list.iterator(); it.hasNext(); ) {
        Object held = it.next().get();
        if (held == null) {
          it.remove();
        } else if (held == o) {
          return;
        }
      }
      if (list.size() < MAX) {
        list.add(new WeakReference<>(o));
      }
    }
  }

  static List<Object> containerStores() {
    return live(CONTAINER);
  }

  static List<Object> springRepositories() {
    return live(SPRING);
  }

  private static List<Object> live(List<WeakReference<Object>> list) {
    List<Object> result = new ArrayList<>();
    synchronized (list) {
      for (WeakReference<Object> r : list) {
        Object o = r.get();
        if (o != null) {
          result.add(o);
        }
      }
    }
    return result;
  }
}
