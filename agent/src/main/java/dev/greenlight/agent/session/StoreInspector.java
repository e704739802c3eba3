package dev.greenlight.agent.session;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads session stores by reflection, so the agent needs no server on its classpath. Knows Tomcat
 * (7 to 11), Jetty (9 to 12), Undertow and Spring Session; anything else is {@code UNKNOWN}.
 * Attribute maps are read directly, never through methods that would touch a session's access time.
 */
final class StoreInspector {
  private StoreInspector() {}

  static StoreView inspectContainer(Object store) throws ReflectiveOperationException {
    Class<?> type = store.getClass();
    if (hasAncestor(type, "org.apache.catalina.session.ManagerBase")) {
      return tomcat(store);
    }
    if (hasAncestor(type, "org.eclipse.jetty.session.AbstractSessionCache")
        || hasAncestor(type, "org.eclipse.jetty.server.session.AbstractSessionCache")) {
      return jetty(store);
    }
    if (hasAncestor(type, "io.undertow.server.session.InMemorySessionManager")) {
      return undertow(store);
    }
    return new StoreView(type.getName(), StorageKind.UNKNOWN, null, -1, -1, null);
  }

  static StoreView inspectSpring(Object repository) throws ReflectiveOperationException {
    String name = repository.getClass().getName();
    String simple = repository.getClass().getSimpleName();
    if (simple.equals("MapSessionRepository") || simple.equals("ReactiveMapSessionRepository")) {
      Map<?, ?> sessions = (Map<?, ?>) field(repository, "sessions");
      List<Map<String, Object>> maps = new ArrayList<>();
      for (Object session : sessions.values().toArray()) {
        maps.add(springAttributes(session));
      }
      return new StoreView(name, StorageKind.IN_MEMORY, null, -1, maps.size(), maps);
    }
    boolean shared =
        simple.contains("Jdbc")
            || simple.contains("Redis")
            || simple.contains("Hazelcast")
            || simple.contains("Mongo");
    return new StoreView(
        name, shared ? StorageKind.SHARED : StorageKind.UNKNOWN, null, -1, -1, null);
  }

  private static StoreView tomcat(Object manager) throws ReflectiveOperationException {
    Class<?> type = manager.getClass();
    StorageKind kind;
    String described = type.getName();
    if (hasAncestor(type, "org.apache.catalina.ha.session.ClusterManagerBase")) {
      kind = StorageKind.REPLICATED_CLUSTER;
    } else if (hasAncestor(type, "org.apache.catalina.session.PersistentManagerBase")) {
      Object store = call(manager, "getStore");
      String storeName = store == null ? "no store" : store.getClass().getName();
      described = type.getName() + " with " + storeName;
      if (storeName.endsWith("FileStore")) {
        kind = StorageKind.LOCAL_DISK;
      } else if (storeName.endsWith("DataSourceStore") || storeName.endsWith("JDBCStore")) {
        // Sessions are written to the database only after maxIdleBackup seconds of idleness;
        // before that the live copy is in this JVM's memory.
        Object idleBackup = call(manager, "getMaxIdleBackup");
        kind =
            idleBackup instanceof Integer && (Integer) idleBackup == 0
                ? StorageKind.SHARED
                : StorageKind.IN_MEMORY;
      } else {
        kind = StorageKind.UNKNOWN;
      }
    } else if (type.getName().equals("org.apache.catalina.session.StandardManager")) {
      kind = StorageKind.IN_MEMORY;
    } else {
      kind = StorageKind.UNKNOWN;
    }
    String server =
        staticString(type.getClassLoader(), "org.apache.catalina.util.ServerInfo", "getServerInfo");
    long created = ((Number) call(manager, "getSessionCounter")).longValue();
    Object[] sessions = (Object[]) call(manager, "findSessions");
    List<Map<String, Object>> maps = new ArrayList<>(sessions.length);
    for (Object session : sessions) {
      Object attributes = fieldOrNull(session, "attributes");
      maps.add(attributes instanceof Map ? asMap((Map<?, ?>) attributes) : Collections.emptyMap());
    }
    return new StoreView(described, kind, server, created, sessions.length, maps);
  }

  private static StoreView jetty(Object cache) throws ReflectiveOperationException {
    Class<?> type = cache.getClass();
    Object dataStore = call(cache, "getSessionDataStore");
    String storeName = dataStore == null ? "no data store" : dataStore.getClass().getName();
    if (dataStore != null && storeName.endsWith("CachingSessionDataStore")) {
      Object inner = call(dataStore, "getSessionStore");
      storeName = inner == null ? storeName : inner.getClass().getName();
    }
    String simpleStore = storeName.substring(storeName.lastIndexOf('.') + 1);
    boolean caches = !type.getSimpleName().equals("NullSessionCache");
    StorageKind kind;
    if (simpleStore.equals("NullSessionDataStore")) {
      kind = caches ? StorageKind.IN_MEMORY : StorageKind.NONE;
    } else if (simpleStore.equals("FileSessionDataStore")) {
      kind = StorageKind.LOCAL_DISK;
    } else if (simpleStore.startsWith("JDBC")
        || simpleStore.contains("Infinispan")
        || simpleStore.contains("Hazelcast")
        || simpleStore.contains("Mongo")
        || simpleStore.contains("GCloud")
        || simpleStore.contains("Memcached")) {
      kind = StorageKind.SHARED;
    } else {
      kind = StorageKind.UNKNOWN;
    }
    String server = null;
    Object version = staticField(type.getClassLoader(), "org.eclipse.jetty.util.Jetty", "VERSION");
    if (version != null) {
      server = "jetty/" + version;
    }
    Object map = fieldOrNull(cache, "_sessions");
    List<Map<String, Object>> maps = new ArrayList<>();
    if (map instanceof Map) {
      for (Object session : ((Map<?, ?>) map).values().toArray()) {
        Object data = call(session, "getSessionData");
        Object all = data == null ? null : call(data, "getAllAttributes");
        maps.add(all instanceof Map ? asMap((Map<?, ?>) all) : Collections.emptyMap());
      }
    }
    long created = -1;
    Object total = callOrNull(cache, "getSessionsTotal");
    if (total instanceof Number) {
      created = ((Number) total).longValue();
    }
    return new StoreView(
        type.getName() + " with " + storeName, kind, server, created, maps.size(), maps);
  }

  private static StoreView undertow(Object manager) throws ReflectiveOperationException {
    Map<?, ?> sessions = (Map<?, ?>) field(manager, "sessions");
    List<Map<String, Object>> maps = new ArrayList<>();
    for (Object session : sessions.values().toArray()) {
      Object attributes = fieldOrNull(session, "attributes");
      maps.add(attributes instanceof Map ? asMap((Map<?, ?>) attributes) : Collections.emptyMap());
    }
    String server =
        staticString(
            manager.getClass().getClassLoader(), "io.undertow.Version", "getFullVersionString");
    return new StoreView(
        manager.getClass().getName(), StorageKind.IN_MEMORY, server, -1, maps.size(), maps);
  }

  private static Map<String, Object> springAttributes(Object session)
      throws ReflectiveOperationException {
    Object attributes = fieldOrNull(session, "sessionAttrs");
    if (attributes instanceof Map) {
      return asMap((Map<?, ?>) attributes);
    }
    Map<String, Object> result = new HashMap<>();
    Object names = call(session, "getAttributeNames");
    if (names instanceof Collection) {
      for (Object n : (Collection<?>) names) {
        Method get = session.getClass().getMethod("getAttribute", String.class);
        result.put(String.valueOf(n), get.invoke(session, n));
      }
    } else if (names instanceof Enumeration) {
      Enumeration<?> e = (Enumeration<?>) names;
      while (e.hasMoreElements()) {
        Object n = e.nextElement();
        Method get = session.getClass().getMethod("getAttribute", String.class);
        result.put(String.valueOf(n), get.invoke(session, n));
      }
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  static boolean hasAncestor(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static Object call(Object target, String method) throws ReflectiveOperationException {
    Method m = findMethod(target.getClass(), method);
    if (m == null) {
      throw new NoSuchMethodException(target.getClass().getName() + "." + method + "()");
    }
    return m.invoke(target);
  }

  private static Object callOrNull(Object target, String method) {
    try {
      Method m = findMethod(target.getClass(), method);
      return m == null ? null : m.invoke(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static Method findMethod(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(name) && m.getParameterCount() == 0) {
          try {
            m.setAccessible(true);
            return m;
          } catch (RuntimeException inaccessible) {
            return null;
          }
        }
      }
    }
    return null;
  }

  private static Object field(Object target, String name) throws ReflectiveOperationException {
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
      } catch (NoSuchFieldException next) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(target.getClass().getName() + "." + name);
  }

  private static Object fieldOrNull(Object target, String name) {
    try {
      return field(target, name);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static String staticString(ClassLoader loader, String className, String method) {
    try {
      Class<?> c = Class.forName(className, false, loader);
      Object v = c.getMethod(method).invoke(null);
      return v == null ? null : v.toString();
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  private static Object staticField(ClassLoader loader, String className, String field) {
    try {
      Class<?> c = Class.forName(className, false, loader);
      return c.getField(field).get(null);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }
}
