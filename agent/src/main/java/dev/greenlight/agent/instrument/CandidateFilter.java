package dev.greenlight.agent.instrument;

import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The transformer registered in premain: JDK-only, it compares a class's name with the few names
 * and driver packages we instrument and returns at once for every other class, so Byte Buddy never
 * sees them. Byte Buddy itself is built on the background thread while the host starts; a candidate
 * class that arrives before it is ready waits for it (bounded).
 */
public final class CandidateFilter implements ClassFileTransformer {
  static final long MAX_WAIT_SECONDS = 30;

  static final Set<String> EXACT_NAMES =
      new HashSet<>(
          Arrays.asList(
              "jakarta/servlet/http/HttpServlet",
              "javax/servlet/http/HttpServlet",
              "org/apache/catalina/session/ManagerBase",
              "org/eclipse/jetty/session/AbstractSessionCache",
              "org/eclipse/jetty/server/session/AbstractSessionCache",
              "io/undertow/server/session/InMemorySessionManager",
              "org/springframework/session/web/http/SessionRepositoryFilter"));

  private final String[] driverPrefixes;
  private final CountDownLatch ready = new CountDownLatch(1);
  private final PrintStream err;
  private volatile ClassFileTransformer delegate;
  private volatile boolean timedOut;

  public CandidateFilter(List<String> driverPackages, PrintStream err) {
    this.err = err;
    this.driverPrefixes = new String[driverPackages.size()];
    for (int i = 0; i < driverPrefixes.length; i++) {
      String p = driverPackages.get(i).replace('.', '/');
      driverPrefixes[i] = p.endsWith("/") ? p : p + "/";
    }
  }

  /** Hands over the Byte Buddy transformer, or null when it could not be built. */
  public void ready(ClassFileTransformer byteBuddy) {
    this.delegate = byteBuddy;
    ready.countDown();
  }

  /** Whether a class (internal name, {@code a/b/C}) is one Byte Buddy should see. */
  public boolean isCandidate(String internalName) {
    return isCandidate(internalName, driverPrefixes);
  }

  static boolean isCandidate(String internalName, String[] driverPrefixes) {
    if (internalName == null) {
      return false;
    }
    if (EXACT_NAMES.contains(internalName)) {
      return true;
    }
    for (String prefix : driverPrefixes) {
      if (internalName.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public byte[] transform(
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classfileBuffer) {
    try {
      if (!isCandidate(className, driverPrefixes)) {
        return null;
      }
      ClassFileTransformer target = delegate;
      if (target == null && ready.getCount() > 0 && !timedOut) {
        if (!ready.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
          timedOut = true;
          err.println(
              "[greenlight-agent] instrumentation was not ready within "
                  + MAX_WAIT_SECONDS
                  + " s; "
                  + className.replace('/', '.')
                  + " and later classes are left unchanged");
        }
        target = delegate;
      }
      return target == null
          ? null
          : target.transform(
              loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    } catch (Throwable t) {
      // Returning null leaves the class as it was; the host must load it whatever happens here.
      return null;
    }
  }
}
