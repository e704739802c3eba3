package dev.greenlight.agent.session;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scans the known session stores on the background thread: counts sessions and attributes exactly,
 * checks every attribute for {@link Serializable}, and estimates the serialized size from a sample
 * of sessions.
 */
public final class SessionMonitor {
  private final int sampleSize;
  private volatile SessionSnapshot latest = SessionSnapshot.none(null);

  public SessionMonitor(int sampleSize) {
    this.sampleSize = Math.max(1, sampleSize);
  }

  public SessionSnapshot latest() {
    return latest;
  }

  /** Scans now; never throws. */
  public void scan() {
    try {
      latest = doScan();
    } catch (Throwable t) {
      SessionSnapshot previous = latest;
      latest =
          new SessionSnapshot(
              StorageKind.UNKNOWN,
              StorageKind.UNKNOWN,
              previous.manager,
              previous.server,
              0,
              false,
              0,
              0,
              0,
              0,
              "session scan failed: " + t);
    }
  }

  private SessionSnapshot doScan() throws ReflectiveOperationException {
    List<StoreView> containers = new ArrayList<>();
    String server = ServerIdentity.serverInfo();
    for (Object store : SessionStores.containerStores()) {
      StoreView view = StoreInspector.inspectContainer(store);
      containers.add(view);
      if (server == null) {
        server = view.server;
      }
    }
    List<Object> spring = SessionStores.springRepositories();
    if (!spring.isEmpty()) {
      // Spring Session replaces the container's sessions, so its repository decides.
      StoreView view = StoreInspector.inspectSpring(spring.get(spring.size() - 1));
      return measure(view.configured, view.configured, view.managerClass, server, List.of(view));
    }
    if (containers.isEmpty()) {
      return SessionSnapshot.none(server);
    }
    StoreView worst = containers.get(0);
    boolean anyCreated = false;
    for (StoreView v : containers) {
      if (v.configured.risk() > worst.configured.risk()) {
        worst = v;
      }
      anyCreated |= v.created > 0 || v.active > 0;
    }
    // A container always has a manager; it is a session store in use only once a session exists.
    StorageKind storage = anyCreated ? worst.configured : StorageKind.NONE;
    return measure(storage, worst.configured, worst.managerClass, server, containers);
  }

  private SessionSnapshot measure(
      StorageKind storage,
      StorageKind configured,
      String manager,
      String server,
      List<StoreView> views) {
    long active = 0;
    long attributes = 0;
    long nonSerializable = 0;
    boolean counted = true;
    List<Map<String, Object>> all = new ArrayList<>();
    for (StoreView v : views) {
      if (v.sessions == null) {
        counted = false;
        continue;
      }
      active += v.active;
      all.addAll(v.sessions);
    }
    for (Map<String, Object> session : all) {
      for (Object value : session.values().toArray()) {
        attributes++;
        if (value != null && !(value instanceof Serializable)) {
          nonSerializable++;
        }
      }
    }
    long estimated = 0;
    int sampled = 0;
    if (!all.isEmpty()) {
      int step = Math.max(1, all.size() / sampleSize);
      long sampleBytes = 0;
      long failed = 0;
      for (int i = 0; i < all.size() && sampled < sampleSize; i += step) {
        long[] m = SessionSizer.measure(all.get(i));
        sampleBytes += m[0];
        failed += m[1];
        sampled++;
      }
      estimated = Math.round((double) sampleBytes / sampled * all.size());
      nonSerializable += Math.round((double) failed / sampled * all.size());
    }
    return new SessionSnapshot(
        storage,
        configured,
        manager,
        server,
        active,
        counted,
        attributes,
        estimated,
        nonSerializable,
        sampled,
        null);
  }
}
