package dev.greenlight.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The load-time transformer registered in premain. No Byte Buddy class is loaded on this path: the
 * common shapes (the servlet wrapper, JDBC methods, constructors that end in their only return) are
 * patched by {@link RawPatch} directly in the class file; everything else (Spring Session's filter,
 * unusual servlet and store shapes) by {@link AsmRewrite} on the ASM that Byte Buddy ships, with
 * every untouched method copied as bytes, no frame computation and no class loading. Either way the
 * hooks use no new locals and no branches, except the servlet wrapper, which is written whole,
 * frames included.
 *
 * <ul>
 *   <li>{@code HttpServlet.service(ServletRequest, ServletResponse)}: the original becomes the
 *       private {@code greenlight$service}; a new {@code service} times a call to it and calls
 *       {@link Hooks#serviced} whether it returned or threw (rethrowing what it threw).
 *   <li>Session store constructors: {@link Hooks#sessionStore} with {@code this} before every
 *       {@code return}; Spring Session's one-argument filter constructor: {@link
 *       Hooks#springSessionRepository} with the argument on entry.
 *   <li>JDBC driver classes: public methods whose name and descriptor are exactly those of {@code
 *       java.sql.Connection.prepare*} or {@code java.sql.Statement.execute*(String…)}/{@code
 *       addBatch(String)} are renamed {@code greenlight$<name>} and get a straight-line wrapper
 *       under their own name. A prepare's wrapper reports the returned statement with the text it
 *       was given (so overloads that delegate to each other count once); an execute's reports the
 *       text first. A driver class without such a method is only read up to its method table.
 * </ul>
 *
 * <p>Classes whose loader cannot see {@link Hooks} (the same class, not a copy) are left unchanged,
 * with one line per class loader. A failure leaves the class unchanged and is reported once.
 */
public final class HookTransformer implements ClassFileTransformer {
  static final String RENAMED_SERVICE = "greenlight$service";

  private final ClassTargets targets;
  private final TransformErrors errors;
  private final Class<?> hooks;
  private final Map<ClassLoader, Boolean> loadersSeeingHooks = new WeakHashMap<>();

  public HookTransformer(ClassTargets targets, TransformErrors errors) {
    this(targets, errors, Hooks.class);
  }

  HookTransformer(ClassTargets targets, TransformErrors errors, Class<?> hooks) {
    this.targets = targets;
    this.errors = errors;
    this.hooks = hooks;
  }

  @Override
  public byte[] transform(
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classfileBuffer) {
    try {
      ClassTargets.Kind kind = targets.kind(className);
      // A redefinition (a debugger's hot swap) is transformed like a first load: the class must
      // keep the methods it has, the servlet wrapper included.
      if (kind == ClassTargets.Kind.NONE || !seesHooks(loader, className)) {
        return null;
      }
      return rewrite(kind, classfileBuffer);
    } catch (Throwable t) {
      // Returning null leaves the class as it was; the host must load it whatever happens here.
      try {
        errors.report(className == null ? "?" : className.replace('/', '.'), t);
      } catch (Throwable ignored) {
        // nothing left to report with
      }
      return null;
    }
  }

  /** Whether {@code loader} resolves the hooks' name to our very class; asked once per loader. */
  private boolean seesHooks(ClassLoader loader, String className) {
    if (loader == null) {
      return false; // the bootstrap loader never sees the agent's jar
    }
    synchronized (loadersSeeingHooks) {
      Boolean known = loadersSeeingHooks.get(loader);
      if (known != null) {
        return known;
      }
    }
    boolean sees;
    String problem;
    try {
      sees = Class.forName(hooks.getName(), false, loader) == hooks;
      problem = "its class loader " + loader + " has a different copy of the agent's classes";
    } catch (ClassNotFoundException | LinkageError e) {
      sees = false;
      problem = "its class loader " + loader + " cannot see the agent's classes";
    }
    boolean first;
    synchronized (loadersSeeingHooks) {
      first = loadersSeeingHooks.put(loader, sees) == null;
    }
    if (!sees && first) {
      errors.report(className.replace('/', '.') + " and other classes of that loader", problem);
    }
    return sees;
  }

  /** The transformed class file, or null when there was nothing to change. */
  static byte[] rewrite(ClassTargets.Kind kind, byte[] classfile) {
    // The common shapes without ASM (see RawPatch); ASM for everything else.
    if (kind == ClassTargets.Kind.SERVLET) {
      byte[] patched = RawPatch.wrapService(classfile);
      if (patched != null) {
        return patched;
      }
    } else if (kind == ClassTargets.Kind.JDBC) {
      byte[] patched = RawPatch.wrapJdbc(classfile);
      return patched == classfile ? null : patched;
    } else if (kind == ClassTargets.Kind.SESSION_STORE) {
      byte[] patched = RawPatch.hookConstructorEnds(classfile);
      if (patched != null) {
        return patched;
      }
    }
    return AsmRewrite.rewrite(kind, classfile);
  }
}
