package dev.greenlight.agent.instrument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which classes the agent instruments, decided by name alone: a few exact class names and the JDBC
 * driver packages. Every other class is passed over after one hash lookup and a few prefix checks.
 */
public final class ClassTargets {
  /** What a class is to the agent. */
  enum Kind {
    NONE,
    SERVLET,
    SESSION_STORE,
    SPRING_SESSION_FILTER,
    JDBC
  }

  /** JDBC driver packages whose Connection and Statement classes are instrumented. */
  static final List<String> DRIVER_PACKAGES =
      Arrays.asList(
          "org.postgresql.",
          "com.mysql.",
          "org.mariadb.jdbc.",
          "oracle.jdbc.",
          "com.microsoft.sqlserver.",
          "org.h2.",
          "org.hsqldb.",
          "org.apache.derby.",
          "org.sqlite.",
          "com.ibm.db2.",
          "net.sourceforge.jtds.",
          "com.amazon.redshift.",
          "io.trino.jdbc.");

  private final List<String> driverPackages;
  private final String[] driverPrefixes;

  /**
   * @param driverPackages dotted package prefixes, as {@link #driverPackages(List)} returns
   */
  public ClassTargets(List<String> driverPackages) {
    this.driverPackages = List.copyOf(driverPackages);
    driverPrefixes = new String[driverPackages.size()];
    for (int i = 0; i < driverPrefixes.length; i++) {
      String p = driverPackages.get(i).replace('.', '/');
      driverPrefixes[i] = p.endsWith("/") ? p : p + "/";
    }
  }

  /** All driver package prefixes: the built-in list and the configured extras. */
  public static List<String> driverPackages(List<String> extra) {
    List<String> all = new ArrayList<>(DRIVER_PACKAGES);
    all.addAll(extra);
    return all;
  }

  /** The dotted driver package prefixes these targets were made from. */
  public List<String> driverPackages() {
    return driverPackages;
  }

  /** Whether a class (internal name, {@code a/b/C}) is instrumented at all. */
  public boolean isCandidate(String internalName) {
    return kind(internalName) != Kind.NONE;
  }

  Kind kind(String internalName) {
    // Most classes a JVM loads are the JDK's own: turned away before hashing the whole name.
    if (internalName == null
        || internalName.startsWith("java/")
        || internalName.startsWith("jdk/")
        || internalName.startsWith("sun/")) {
      return Kind.NONE;
    }
    switch (internalName) {
      case "jakarta/servlet/http/HttpServlet":
      case "javax/servlet/http/HttpServlet":
        return Kind.SERVLET;
      case "org/apache/catalina/session/ManagerBase":
      case "org/eclipse/jetty/session/AbstractSessionCache":
      case "org/eclipse/jetty/server/session/AbstractSessionCache":
      case "io/undertow/server/session/InMemorySessionManager":
        return Kind.SESSION_STORE;
      case "org/springframework/session/web/http/SessionRepositoryFilter":
        return Kind.SPRING_SESSION_FILTER;
      default:
        break;
    }
    for (String prefix : driverPrefixes) {
      if (internalName.startsWith(prefix)) {
        return Kind.JDBC;
      }
    }
    return Kind.NONE;
  }
}
