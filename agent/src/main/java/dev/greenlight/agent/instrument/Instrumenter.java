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

import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Installs the advice. Type matchers are names first (exact names for servlet and session classes,
 * package prefixes for JDBC drivers) and reach the type hierarchy only for classes that passed the
 * name check, so the host's start-up pays almost nothing for classes we do not touch.
 */
public final class Instrumenter {
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

  private Instrumenter() {}

  /** All driver package prefixes: the built-in list and the configured extras. */
  public static List<String> driverPackages(List<String> extra) {
    List<String> all = new ArrayList<>(DRIVER_PACKAGES);
    all.addAll(extra);
    return all;
  }

  /**
   * Builds the Byte Buddy transformer (the slow part: Byte Buddy's own classes load here). The
   * {@link CandidateFilter} decides which classes it ever sees.
   */
  public static ClassFileTransformer build(List<String> drivers, PrintStream err) {
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
        .with(new TransformErrors(err))
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
}
