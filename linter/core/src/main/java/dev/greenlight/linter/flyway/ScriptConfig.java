package dev.greenlight.linter.flyway;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * A per-script {@code <migration>.sql.conf} file: {@code executeInTransaction} and {@code
 * encoding}.
 *
 * @param executeInTransaction the explicit choice, or null when not configured
 * @param encoding the file encoding, or null (UTF-8)
 * @param path where it was read from, or null when there is none
 */
public record ScriptConfig(Boolean executeInTransaction, String encoding, Path path) {

  /** No per-script configuration. */
  public static final ScriptConfig NONE = new ScriptConfig(null, null, null);

  /**
   * The {@code .conf} next to {@code migration}, or {@link #NONE}. Errors are reported, not thrown.
   */
  public static ScriptConfig forMigration(Path migration, java.util.List<String> problems) {
    Path conf = migration.resolveSibling(migration.getFileName() + ".conf");
    return Files.isRegularFile(conf) ? read(conf, problems) : NONE;
  }

  /** Reads the script configuration file {@code conf}; errors are reported, not thrown. */
  public static ScriptConfig read(Path conf, java.util.List<String> problems) {
    try {
      return parse(Files.readString(conf, StandardCharsets.UTF_8), conf, problems);
    } catch (IOException | RuntimeException e) {
      problems.add(conf + ": cannot read: " + e.getMessage());
      return NONE;
    }
  }

  static ScriptConfig parse(String text, Path conf, java.util.List<String> problems) {
    Properties p = new Properties();
    try (Reader r = new StringReader(text)) {
      p.load(r);
    } catch (IOException e) {
      problems.add(conf + ": " + e.getMessage());
    }
    Boolean tx = null;
    String v = p.getProperty("executeInTransaction");
    if (v != null) {
      String s = v.trim().toLowerCase(Locale.ROOT);
      if (s.equals("true") || s.equals("false")) {
        tx = Boolean.valueOf(s);
      } else {
        problems.add(conf + ": executeInTransaction must be true or false, not '" + v.trim() + "'");
      }
    }
    String encoding = p.getProperty("encoding");
    return new ScriptConfig(tx, encoding == null ? null : encoding.trim(), conf);
  }
}
