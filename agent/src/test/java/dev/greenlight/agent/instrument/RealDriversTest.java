package dev.greenlight.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.agent.sql.SqlCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Every class of two real JDBC drivers (pgjdbc and H2) through the load-time transformer: none may
 * fail, the classes that declare {@code java.sql} prepare/execute methods are the ones changed, the
 * changed classes pass the JVM's verifier, and H2 — in memory, no server — runs its SQL through the
 * wrappers with every text captured.
 */
class RealDriversTest {
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final HookTransformer transformer =
      new HookTransformer(
          new ClassTargets(ClassTargets.driverPackages(List.of())),
          new TransformErrors(new PrintStream(errBytes, true, StandardCharsets.UTF_8)));

  /** Child-first for the driver jar's classes and resources; everything else from the parent. */
  private final class DriverLoader extends ClassLoader {
    private final ZipFile jar;

    DriverLoader(ZipFile jar) {
      super(RealDriversTest.class.getClassLoader());
      this.jar = jar;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        ZipEntry entry = c == null ? jar.getEntry(name.replace('.', '/') + ".class") : null;
        if (entry != null) {
          byte[] bytes = read(jar, entry);
          byte[] transformed =
              transformer.transform(this, name.replace('.', '/'), null, null, bytes);
          byte[] used = transformed == null ? bytes : transformed;
          c = defineClass(name, used, 0, used.length);
        }
        return c != null ? c : super.loadClass(name, resolve);
      }
    }

    @Override
    public InputStream getResourceAsStream(String name) {
      ZipEntry entry = jar.getEntry(name);
      try {
        return entry != null ? jar.getInputStream(entry) : super.getResourceAsStream(name);
      } catch (IOException e) {
        return null;
      }
    }
  }

  private static byte[] read(ZipFile jar, ZipEntry entry) {
    try (InputStream in = jar.getInputStream(entry)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + entry.getName(), e);
    }
  }

  private static ZipFile jarOf(Class<?> type) throws IOException, URISyntaxException {
    return new ZipFile(
        Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile());
  }

  /** Runs every class of the jar through the transformer; the names of the changed ones. */
  private Set<String> transformAll(ZipFile jar, String packagePrefix) {
    Set<String> changed = new TreeSet<>();
    int seen = 0;
    ClassLoader loader = getClass().getClassLoader();
    for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
      ZipEntry entry = e.nextElement();
      String path = entry.getName();
      if (!path.startsWith(packagePrefix) || !path.endsWith(".class")) {
        continue;
      }
      String internal = path.substring(0, path.length() - ".class".length());
      seen++;
      if (transformer.transform(loader, internal, null, null, read(jar, entry)) != null) {
        changed.add(internal.replace('/', '.'));
      }
    }
    assertThat(seen).as("classes in " + jar.getName()).isGreaterThan(300);
    return changed;
  }

  @Test
  void pgjdbcsConnectionAndStatementsAreTheClassesChangedAndPassTheVerifier() throws Exception {
    try (ZipFile jar = jarOf(org.postgresql.Driver.class)) {
      Set<String> changed = transformAll(jar, "org/postgresql/");
      assertThat(changed)
          .contains(
              "org.postgresql.jdbc.PgConnection",
              "org.postgresql.jdbc.PgStatement",
              "org.postgresql.jdbc.PgPreparedStatement")
          .hasSizeLessThan(12);
      DriverLoader loader = new DriverLoader(jar);
      for (String name : changed) {
        // Initialising links the class: the verifier checks every method, wrappers included.
        Class<?> c = Class.forName(name, true, loader);
        assertThat(c.getClassLoader()).isSameAs(loader);
      }
    }
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void h2RunsItsSqlThroughTheWrappersAndEveryTextIsCaptured() throws Exception {
    try (ZipFile jar = jarOf(org.h2.Driver.class)) {
      Set<String> changed = transformAll(jar, "org/h2/");
      assertThat(changed).contains("org.h2.jdbc.JdbcConnection", "org.h2.jdbc.JdbcStatement");

      DriverLoader loader = new DriverLoader(jar);
      Driver driver = (Driver) loader.loadClass("org.h2.Driver").getConstructor().newInstance();
      String id = UUID.randomUUID().toString();
      List<Object> results = new ArrayList<>();
      try (Connection c =
          driver.connect("jdbc:h2:mem:gl" + id.replace("-", ""), new Properties())) {
        assertThat(c.getClass().getClassLoader()).isSameAs(loader);
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE orders (id INT PRIMARY KEY, note VARCHAR(20)) -- " + id);
          results.add(s.executeUpdate("INSERT INTO orders VALUES (1, 'a') -- " + id));
          s.addBatch("INSERT INTO orders VALUES (2, 'b') -- " + id);
          s.executeBatch();
        }
        for (int i = 0; i < 3; i++) {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT note FROM orders WHERE id = ? -- " + id)) {
            ps.setInt(1, 2);
            try (ResultSet rs = ps.executeQuery()) {
              assertThat(rs.next()).isTrue();
              results.add(rs.getString(1));
            }
          }
        }
      }
      assertThat(results).containsExactly(1, "b", "b", "b");

      Map<String, Long> captured = new HashMap<>();
      for (Map.Entry<String, Long> e : SqlCapture.get().snapshot()) {
        if (e.getKey().contains(id)) {
          captured.put(e.getKey(), e.getValue());
        }
      }
      assertThat(captured)
          .containsOnly(
              Map.entry("CREATE TABLE orders (id INT PRIMARY KEY, note VARCHAR(20)) -- " + id, 1L),
              Map.entry("INSERT INTO orders VALUES (1, 'a') -- " + id, 1L),
              Map.entry("INSERT INTO orders VALUES (2, 'b') -- " + id, 1L),
              Map.entry("SELECT note FROM orders WHERE id = ? -- " + id, 3L));
    }
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
