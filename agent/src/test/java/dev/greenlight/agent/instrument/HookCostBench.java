package dev.greenlight.agent.instrument;

import dev.greenlight.agent.sql.SqlCapture;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the hooks add to each call, measured without the noise of a whole service on two shared
 * cores: Tomcat's real {@code HttpServlet} and a driver-shaped class, each defined twice — as
 * compiled, and through the agent's {@link HookTransformer} — and called the same way. The
 * difference between {@code instrumented=true} and {@code false} is the agent's cost per request
 * (servlet) and per statement (JDBC). Two threads, as the services in run.sh have (counters are
 * shared). Not a test: {@code bench/agent-overhead/hooks.sh} runs it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@Threads(2)
public class HookCostBench {
  private static final String FIXTURES = "dev.greenlight.agent.instrument.fixture.";

  @Param({"false", "true"})
  public boolean instrumented;

  private Servlet servlet;
  private Predicate<String> execute;
  private Function<String, PreparedStatement> prepare;
  private ServletRequest request;
  private ServletResponse response;
  private final String sql = "SELECT id, name FROM products WHERE id = ?";

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() throws Exception {
    HookTransformer transformer =
        new HookTransformer(
            new ClassTargets(ClassTargets.driverPackages(List.of(FIXTURES))),
            new TransformErrors(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    ClassLoader loader =
        new TransformingLoader(
            HookCostBench.class.getClassLoader(),
            n ->
                n.equals("jakarta.servlet.http.HttpServlet")
                    || n.startsWith("jakarta.servlet.http.HttpServlet$")
                    || n.startsWith(FIXTURES),
            instrumented ? transformer : null);
    servlet =
        (Servlet)
            loader.loadClass(FIXTURES + "BenchServlet").getDeclaredConstructor().newInstance();
    Object driver =
        loader.loadClass(FIXTURES + "BenchDriver").getDeclaredConstructor().newInstance();
    execute = (Predicate<String>) driver;
    prepare = (Function<String, PreparedStatement>) driver;
    request = proxy(HttpServletRequest.class);
    response = proxy(HttpServletResponse.class);
    SqlCapture.get().clear();
  }

  private static <T> T proxy(Class<T> type) {
    return type.cast(
        Proxy.newProxyInstance(
            HookCostBench.class.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> null));
  }

  /** {@code HttpServlet.service(ServletRequest, ServletResponse)} into a handler doing nothing. */
  @Benchmark
  public Servlet servletRequest() throws Exception {
    servlet.service(request, response);
    return servlet;
  }

  /** {@code Statement.execute(String)} with a text the capture already holds. */
  @Benchmark
  public boolean jdbcExecute() {
    return execute.test(sql);
  }

  /** {@code Connection.prepareStatement(String)} returning a new statement, as drivers do. */
  @Benchmark
  public PreparedStatement jdbcPrepare() {
    return prepare.apply(sql);
  }
}
