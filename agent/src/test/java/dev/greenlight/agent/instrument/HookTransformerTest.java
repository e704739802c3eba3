package dev.greenlight.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.agent.sql.SqlCapture;
import dev.greenlight.agent.warmup.RequestLatency;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

/**
 * Transforms real classes (Tomcat's {@code jakarta.servlet.http.HttpServlet}, driver-shaped
 * fixtures, a generated Java 5 class), defines them in a fresh class loader, and calls them: the
 * transformed code passes the JVM's verifier, the hooks fire, and exceptions come out unchanged.
 */
class HookTransformerTest {
  private static final String FIXTURES = "dev.greenlight.agent.instrument.fixture.";

  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final TransformErrors errors =
      new TransformErrors(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
  private final HookTransformer transformer =
      new HookTransformer(new ClassTargets(ClassTargets.driverPackages(List.of(FIXTURES))), errors);

  private ClassLoader servletLoader() {
    return new TransformingLoader(
        getClass().getClassLoader(),
        n ->
            n.equals("jakarta.servlet.http.HttpServlet")
                || n.startsWith("jakarta.servlet.http.HttpServlet$")
                || n.startsWith(FIXTURES),
        transformer);
  }

  private static Object proxy(Class<?> type) {
    return Proxy.newProxyInstance(
        HookTransformerTest.class.getClassLoader(),
        new Class<?>[] {type},
        (p, method, args) -> null);
  }

  private static Throwable thrownBy(Method m, Object target, Object... args) throws Exception {
    try {
      m.invoke(target, args);
      return null;
    } catch (InvocationTargetException e) {
      return e.getCause();
    }
  }

  @Test
  void tomcatsHttpServletIsTimedAndKeepsItsContract() throws Exception {
    Class<?> servlet = servletLoader().loadClass(FIXTURES + "ProbeServlet");
    Class<?> httpServlet = servlet.getSuperclass();
    assertThat(httpServlet.getName()).isEqualTo("jakarta.servlet.http.HttpServlet");
    assertThat(httpServlet.getClassLoader()).isSameAs(servlet.getClassLoader());

    Method service = httpServlet.getMethod("service", ServletRequest.class, ServletResponse.class);
    assertThat(Modifier.isPublic(service.getModifiers())).isTrue();
    assertThat(service.getExceptionTypes())
        .containsExactly(ServletException.class, IOException.class);
    Method renamed =
        httpServlet.getDeclaredMethod(
            HookTransformer.RENAMED_SERVICE, ServletRequest.class, ServletResponse.class);
    assertThat(Modifier.isPrivate(renamed.getModifiers())).isTrue();
    assertThat(renamed.isSynthetic()).isTrue();

    Object instance = servlet.getConstructor().newInstance();
    Object request = proxy(HttpServletRequest.class);
    Object response = proxy(HttpServletResponse.class);
    long before = RequestLatency.total();
    assertThat(thrownBy(service, instance, request, response)).isNull();
    assertThat(servlet.getField("handled").getInt(instance)).isEqualTo(1);
    assertThat(RequestLatency.total() - before).isEqualTo(1);

    ServletException checked = new ServletException("from the application");
    servlet.getField("failWith").set(instance, checked);
    assertThat(thrownBy(service, instance, request, response)).isSameAs(checked);
    IllegalStateException unchecked = new IllegalStateException("also from the application");
    servlet.getField("failWith").set(instance, unchecked);
    assertThat(thrownBy(service, instance, request, response)).isSameAs(unchecked);
    // HttpServlet's own check, thrown by the original code before the handler runs.
    assertThat(
            thrownBy(service, instance, proxy(ServletRequest.class), proxy(ServletResponse.class)))
        .isInstanceOf(ServletException.class)
        .hasMessage("Non HTTP request or response");
    assertThat(servlet.getField("handled").getInt(instance)).isEqualTo(3);
    assertThat(RequestLatency.total() - before).isEqualTo(4);
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void jdbcPreparesCountOnceThroughDelegatingOverloadsAndExecutesOnEntry() throws Exception {
    Class<?> connection = servletLoader().loadClass(FIXTURES + "FixtureConnection");
    Object c = connection.getConstructor().newInstance();
    String id = UUID.randomUUID().toString();
    String select = "select * from orders where id = ? -- " + id;
    String call = "  call refresh(?) -- " + id;
    String update = "update orders set paid = true -- " + id;

    connection.getMethod("prepareStatement", String.class).invoke(c, select);
    connection.getMethod("prepareStatement", String.class).invoke(c, select);
    connection.getMethod("prepareCall", String.class).invoke(c, call);
    Method execute = connection.getMethod("execute", String.class);
    execute.invoke(c, update);
    connection.getMethod("executeQuery", String.class, int.class).invoke(c, "not hooked " + id, 1);
    // A failing prepare records nothing (the hook runs on return); a failing execute has already
    // been recorded on entry, and its exception comes out unchanged.
    assertThat(thrownBy(connection.getMethod("prepareStatement", String.class), c, ""))
        .isInstanceOf(SQLException.class)
        .hasMessage("empty statement");
    assertThat(thrownBy(execute, c, "")).isInstanceOf(SQLException.class);

    Map<String, Long> captured = captured(id);
    assertThat(captured)
        .containsEntry(select, 2L)
        .containsEntry(call, 1L)
        .containsEntry(update, 1L);
    assertThat(captured).hasSize(3);
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void jdbcWrappersKeepResultsModifiersAndThrowsClausesAndLeaveOtherDriverClassesAlone()
      throws Exception {
    ClassLoader loader = servletLoader();
    Class<?> statement = loader.loadClass(FIXTURES + "DriverStatement");
    Object s = statement.getConstructor().newInstance();
    String id = UUID.randomUUID().toString();
    Method large = statement.getMethod("executeLargeUpdate", String.class, int.class);
    assertThat(large.invoke(s, "update a set b = 1 -- " + id, 5)).isEqualTo(5L);
    assertThat(large.invoke(s, "update a set b = 1 -- " + id, 2)).isEqualTo(7L);
    assertThat(large.getExceptionTypes()).containsExactly(SQLException.class);
    assertThat(Modifier.isFinal(large.getModifiers())).isTrue();
    assertThat(thrownBy(large, s, "", 1)).isInstanceOf(SQLException.class);
    assertThat(
            statement
                .getMethod("executeUpdate", String.class, String[].class)
                .invoke(s, "insert into a -- " + id, (Object) new String[] {"x", "y"}))
        .isEqualTo(2);
    statement.getMethod("addBatch", String.class).invoke(s, "delete from a -- " + id);
    assertThat(statement.getField("batched").getInt(s)).isEqualTo(1);
    Method packagePrivate = statement.getDeclaredMethod("execute", String.class);
    packagePrivate.setAccessible(true);
    assertThat(packagePrivate.invoke(s, "select not hooked -- " + id)).isEqualTo(true);
    // The originals are hidden under a new name; the wrapper has the original's place.
    Method original =
        statement.getDeclaredMethod("greenlight$executeLargeUpdate", String.class, int.class);
    assertThat(Modifier.isPrivate(original.getModifiers())).isTrue();
    assertThat(Modifier.isSynchronized(original.getModifiers())).isTrue();
    assertThat(original.isSynthetic()).isTrue();

    assertThat(captured(id))
        .containsOnly(
            Map.entry("update a set b = 1 -- " + id, 2L),
            Map.entry("insert into a -- " + id, 1L),
            Map.entry("delete from a -- " + id, 1L));

    // Nothing to wrap, or wrapped already: the transformer answers null (class unchanged).
    String helper = (FIXTURES + "DriverHelper").replace('.', '/');
    assertThat(
            transformer.transform(
                loader,
                helper,
                null,
                null,
                TransformingLoader.classBytes(FIXTURES + "DriverHelper")))
        .isNull();
    String name = (FIXTURES + "DriverStatement").replace('.', '/');
    byte[] once =
        transformer.transform(
            loader, name, null, null, TransformingLoader.classBytes(FIXTURES + "DriverStatement"));
    assertThat(once).isNotNull();
    assertThat(transformer.transform(loader, name, null, null, once)).isNull();
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  private static Map<String, Long> captured(String marker) {
    Map<String, Long> result = new java.util.HashMap<>();
    for (Map.Entry<String, Long> e : SqlCapture.get().snapshot()) {
      if (e.getKey().contains(marker)) {
        result.put(e.getKey(), e.getValue());
      }
    }
    return result;
  }

  @Test
  void aClassLoaderThatCannotSeeTheHooksGetsTheClassUnchangedWithOneLine() throws Exception {
    String name = FIXTURES + "PlainStatement";
    byte[] original = TransformingLoader.classBytes(name);
    ClassLoader isolated = new ClassLoader(null) {};
    assertThat(transformer.transform(isolated, name.replace('.', '/'), null, null, original))
        .isNull();
    assertThat(transformer.transform(isolated, name.replace('.', '/'), null, null, original))
        .isNull();
    assertThat(transformer.transform(null, name.replace('.', '/'), null, null, original)).isNull();
    String err = errBytes.toString(StandardCharsets.UTF_8);
    assertThat(err.lines()).hasSize(1);
    assertThat(err).contains("could not instrument " + name).contains("cannot see the agent's");

    // The same bytes through a loader that delegates to the agent's are instrumented.
    Class<?> visible = servletLoader().loadClass(name);
    Object statement = visible.getConstructor().newInstance();
    String id = UUID.randomUUID().toString();
    visible.getMethod("execute", String.class).invoke(statement, "delete from carts -- " + id);
    assertThat(visible.getField("executed").getInt(statement)).isEqualTo(1);
    assertThat(captured(id)).containsOnlyKeys("delete from carts -- " + id);
  }

  @Test
  void classesOutsideTheTargetsAndBrokenClassFilesAreLeftAlone() throws Exception {
    byte[] bytes = TransformingLoader.classBytes(FIXTURES + "PlainStatement");
    ClassLoader loader = getClass().getClassLoader();
    assertThat(transformer.transform(loader, "com/example/Other", null, null, bytes)).isNull();
    int errorsBefore = TransformErrors.count();
    assertThat(
            transformer.transform(
                loader, "dev/greenlight/agent/instrument/fixture/Broken", null, null, new byte[7]))
        .isNull();
    assertThat(TransformErrors.count() - errorsBefore).isEqualTo(1);
    assertThat(errBytes.toString(StandardCharsets.UTF_8))
        .startsWith(
            "[greenlight-agent] could not instrument dev.greenlight.agent.instrument.fixture.Broken"
                + " (left unchanged)");
  }

  /**
   * A Java 5 class file (version 49) has no stack map frames; the wrapper must not get one either,
   * and the old verifier must accept the result.
   */
  @Test
  void aJava5ServletWithoutFramesIsWrappedWithoutFrames() throws Exception {
    byte[] legacy = legacyServlet();
    assertLegacyServletWorks(HookTransformer.rewrite(ClassTargets.Kind.SERVLET, legacy));
    assertLegacyServletWorks(AsmRewrite.rewrite(ClassTargets.Kind.SERVLET, legacy));
  }

  /** Defines classes from bytes, delegating everything else to the test's class loader. */
  private static final class BytesLoader extends ClassLoader {
    BytesLoader() {
      super(HookTransformerTest.class.getClassLoader());
    }

    Class<?> define(String name, byte[] bytes) {
      return defineClass(name, bytes, 0, bytes.length);
    }
  }

  private void assertLegacyServletWorks(byte[] transformed) throws Exception {
    assertThat(transformed).isNotNull();
    assertThat(new String(transformed, StandardCharsets.ISO_8859_1))
        .doesNotContain("StackMapTable");
    Class<?> c = new BytesLoader().define("legacy.LegacyServlet", transformed);
    Method service = c.getMethod("service", ServletRequest.class, ServletResponse.class);
    Object instance = c.getConstructor().newInstance();
    long before = RequestLatency.total();
    assertThat(thrownBy(service, instance, proxy(ServletRequest.class), null)).isNull();
    assertThat(thrownBy(service, instance, null, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no request");
    assertThat(RequestLatency.total() - before).isEqualTo(2);
  }

  @Test
  void tomcatsHttpServletWrappedByEitherPathBehavesTheSame() throws Exception {
    byte[] original = TransformingLoader.classBytes("jakarta.servlet.http.HttpServlet");
    byte[] raw = HookTransformer.rewrite(ClassTargets.Kind.SERVLET, original);
    byte[] asm = AsmRewrite.rewrite(ClassTargets.Kind.SERVLET, original);
    assertThat(raw).isNotNull().isNotEqualTo(asm);
    for (byte[] transformed : List.of(raw, asm)) {
      BytesLoader loader = new BytesLoader();
      Class<?> httpServlet = loader.define("jakarta.servlet.http.HttpServlet", transformed);
      Class<?> concrete = loader.define("jakarta.servlet.http.ConcreteServlet", concreteServlet());
      Method service =
          httpServlet.getMethod("service", ServletRequest.class, ServletResponse.class);
      assertThat(service.getExceptionTypes())
          .containsExactly(ServletException.class, IOException.class);
      Object instance = concrete.getConstructor().newInstance();
      long before = RequestLatency.total();
      assertThat(
              thrownBy(
                  service, instance, proxy(ServletRequest.class), proxy(ServletResponse.class)))
          .isInstanceOf(ServletException.class)
          .hasMessage("Non HTTP request or response");
      assertThat(RequestLatency.total() - before).isEqualTo(1);
      // Already wrapped (a redefinition with our own output): left alone.
      assertThat(HookTransformer.rewrite(ClassTargets.Kind.SERVLET, transformed)).isNull();
    }
  }

  /** {@code public class ConcreteServlet extends HttpServlet {}}, for an abstract HttpServlet. */
  private static byte[] concreteServlet() {
    ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    w.visit(
        Opcodes.V17,
        Opcodes.ACC_PUBLIC,
        "jakarta/servlet/http/ConcreteServlet",
        null,
        "jakarta/servlet/http/HttpServlet",
        null);
    MethodVisitor init = w.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(Opcodes.ALOAD, 0);
    init.visitMethodInsn(
        Opcodes.INVOKESPECIAL, "jakarta/servlet/http/HttpServlet", "<init>", "()V", false);
    init.visitInsn(Opcodes.RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    w.visitEnd();
    return w.toByteArray();
  }

  @Test
  void sessionStoreConstructorsRegisterTheStoreWithOrWithoutAsm() throws Exception {
    byte[] single = TransformingLoader.classBytes(FIXTURES + "SingleReturnStore");
    byte[] early = TransformingLoader.classBytes(FIXTURES + "EarlyReturnStore");
    assertThat(RawPatch.hookConstructorEnds(single)).as("one return each: no ASM").isNotNull();
    assertThat(RawPatch.hookConstructorEnds(early)).as("two returns: ASM").isNull();

    Class<?> singleClass =
        new BytesLoader()
            .define(
                FIXTURES + "SingleReturnStore",
                HookTransformer.rewrite(ClassTargets.Kind.SESSION_STORE, single));
    Object viaDelegation = singleClass.getConstructor().newInstance();
    Object direct = singleClass.getConstructor(String.class).newInstance(" shop ");
    assertThat(singleClass.getMethod("name").invoke(direct)).isEqualTo("shop");
    assertThatThrownBy(() -> singleClass.getConstructor(String.class).newInstance((Object) null))
        .hasCauseInstanceOf(NullPointerException.class);

    Class<?> earlyClass =
        new BytesLoader()
            .define(
                FIXTURES + "EarlyReturnStore",
                HookTransformer.rewrite(ClassTargets.Kind.SESSION_STORE, early));
    Object returnedEarly = earlyClass.getConstructor(String.class).newInstance((Object) null);
    Object returnedLate = earlyClass.getConstructor(String.class).newInstance("cart");
    assertThat(earlyClass.getField("name").get(returnedLate)).isEqualTo("cart");

    Method stores =
        dev.greenlight.agent.session.SessionStores.class.getDeclaredMethod("containerStores");
    stores.setAccessible(true);
    @SuppressWarnings("unchecked")
    List<Object> registered = (List<Object>) stores.invoke(null);
    for (Object store : List.of(viaDelegation, direct, returnedEarly, returnedLate)) {
      assertThat(registered.stream().anyMatch(r -> r == store)).as("registered %s", store).isTrue();
    }
  }

  /** {@code service(req, res)} that throws when {@code req} is null; branches, no frames. */
  private static byte[] legacyServlet() {
    ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    w.visit(
        Opcodes.V1_5, Opcodes.ACC_PUBLIC, "legacy/LegacyServlet", null, "java/lang/Object", null);
    MethodVisitor init = w.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(Opcodes.ALOAD, 0);
    init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(Opcodes.RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    MethodVisitor m =
        w.visitMethod(
            Opcodes.ACC_PUBLIC,
            "service",
            "(Ljakarta/servlet/ServletRequest;Ljakarta/servlet/ServletResponse;)V",
            null,
            new String[] {"java/io/IOException"});
    m.visitCode();
    Label ok = new Label();
    m.visitVarInsn(Opcodes.ALOAD, 1);
    m.visitJumpInsn(Opcodes.IFNONNULL, ok);
    m.visitTypeInsn(Opcodes.NEW, "java/lang/IllegalStateException");
    m.visitInsn(Opcodes.DUP);
    m.visitLdcInsn("no request");
    m.visitMethodInsn(
        Opcodes.INVOKESPECIAL,
        "java/lang/IllegalStateException",
        "<init>",
        "(Ljava/lang/String;)V",
        false);
    m.visitInsn(Opcodes.ATHROW);
    m.visitLabel(ok);
    m.visitInsn(Opcodes.RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    w.visitEnd();
    return w.toByteArray();
  }
}
