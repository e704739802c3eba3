package dev.greenlight.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.ClassFileTransformer;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * The late-attach path ({@code agentmain}): classes already loaded can only be retransformed, and
 * retransformation cannot add methods, so the advice is inlined by Byte Buddy. Type matchers are
 * names first and reach the type hierarchy only for classes that passed the name check. Byte Buddy
 * is loaded only here; {@code premain} uses {@link HookTransformer}.
 */
public final class Instrumenter {
  private Instrumenter() {}

  /**
   * Builds the Byte Buddy transformer (the slow part: Byte Buddy's own classes load here). The
   * {@link CandidateFilter} decides which classes it ever sees.
   */
  public static ClassFileTransformer build(List<String> drivers, TransformErrors errors) {
    // Our relocated copy of Byte Buddy reads its own, relocated property: "safe" keeps it away
    // from sun.misc.Unsafe, which newer JDKs warn about on the host's stderr.
    String safe = ByteBuddy.class.getPackage().getName() + ".safe";
    if (System.getProperty(safe) == null) {
      System.setProperty(safe, "true");
    }
    ElementMatcher.Junction<TypeDescription> driverNames = none();
    for (String prefix : drivers) {
      driverNames = driverNames.or(nameStartsWith(prefix.endsWith(".") ? prefix : prefix + "."));
    }
    ElementMatcher.Junction<TypeDescription> jdbcClasses = driverNames.and(not(isInterface()));

    return new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
        .disableClassFormatChanges()
        // Only the late-attach path retransforms, and only classes the filter lets through.
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(AgentBuilder.TypeStrategy.Default.DECORATE)
        .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
        .with(new ErrorListener(errors))
        .ignore(
            nameStartsWith("dev.greenlight.agent.")
                .or(nameStartsWith("java."))
                .or(nameStartsWith("jdk."))
                .or(nameStartsWith("sun."))
                .or(nameStartsWith("com.sun.")))
        .type(namedOneOf("jakarta.servlet.http.HttpServlet", "javax.servlet.http.HttpServlet"))
        .transform(
            (builder, type, loader, module, domain) ->
                builder.visit(
                    Advice.to(ServletServiceAdvice.class)
                        .on(
                            named("service")
                                .and(isPublic())
                                .and(not(isStatic()))
                                .and(takesArguments(2))
                                .and(
                                    takesArgument(
                                        0,
                                        namedOneOf(
                                            "jakarta.servlet.ServletRequest",
                                            "javax.servlet.ServletRequest"))))))
        .type(
            namedOneOf(
                "org.apache.catalina.session.ManagerBase",
                "org.eclipse.jetty.session.AbstractSessionCache",
                "org.eclipse.jetty.server.session.AbstractSessionCache",
                "io.undertow.server.session.InMemorySessionManager"))
        .transform(
            (builder, type, loader, module, domain) ->
                builder.visit(Advice.to(SessionStoreAdvice.class).on(isConstructor())))
        .type(named("org.springframework.session.web.http.SessionRepositoryFilter"))
        .transform(
            (builder, type, loader, module, domain) ->
                builder.visit(
                    Advice.to(SpringSessionAdvice.class)
                        .on(isConstructor().and(takesArguments(1)))))
        .type(jdbcClasses.and(hasSuperType(named("java.sql.Connection"))))
        .transform(
            (builder, type, loader, module, domain) ->
                builder.visit(
                    Advice.to(JdbcPrepareAdvice.class)
                        .on(
                            namedOneOf("prepareStatement", "prepareCall")
                                .and(isPublic())
                                .and(takesArgument(0, String.class))
                                .and(not(isAbstract())))))
        .type(jdbcClasses.and(hasSuperType(named("java.sql.Statement"))))
        .transform(
            (builder, type, loader, module, domain) ->
                builder.visit(
                    Advice.to(JdbcExecuteAdvice.class)
                        .on(
                            namedOneOf(
                                    "execute",
                                    "executeQuery",
                                    "executeUpdate",
                                    "executeLargeUpdate",
                                    "addBatch")
                                .and(isPublic())
                                .and(takesArgument(0, String.class))
                                .and(not(isAbstract())))))
        .makeRaw();
  }

  /** Hands Byte Buddy's transformation errors to {@link TransformErrors}. */
  static final class ErrorListener extends AgentBuilder.Listener.Adapter {
    private final TransformErrors errors;

    ErrorListener(TransformErrors errors) {
      this.errors = errors;
    }

    @Override
    public void onError(
        String typeName,
        ClassLoader classLoader,
        JavaModule module,
        boolean loaded,
        Throwable throwable) {
      errors.report(typeName, throwable);
    }
  }
}
