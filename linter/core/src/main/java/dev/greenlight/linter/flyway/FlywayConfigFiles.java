package dev.greenlight.linter.flyway;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads Flyway's own configuration, {@code flyway.conf} (properties) and {@code flyway.toml}
 * (Flyway 10+), from a directory or its {@code conf/} folder, over given settings.
 */
public final class FlywayConfigFiles {
  private FlywayConfigFiles() {}

  /**
   * Settings after reading the config files found, the files read, and problems (each {@code
   * path[:line]: what is wrong}).
   */
  public record Loaded(FlywaySettings settings, List<Path> files, List<String> problems) {}

  /** Reads {@code flyway.conf} and {@code flyway.toml} in {@code directory} and {@code conf/}. */
  public static Loaded load(Path directory, FlywaySettings base) {
    FlywaySettings s = base;
    List<Path> files = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path candidate :
        List.of(
            directory.resolve("conf").resolve("flyway.conf"),
            directory.resolve("flyway.conf"),
            directory.resolve("conf").resolve("flyway.toml"),
            directory.resolve("flyway.toml"))) {
      if (!Files.isRegularFile(candidate)) {
        continue;
      }
      String text;
      try {
        text = Files.readString(candidate, StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        problems.add(candidate + ": cannot read: " + e.getMessage());
        continue;
      }
      files.add(candidate);
      if (candidate.getFileName().toString().endsWith(".toml")) {
        s = applyToml(s, text, candidate.toString(), problems);
      } else {
        s = applyConf(s, text, candidate.toString(), problems);
      }
    }
    return new Loaded(s, List.copyOf(files), List.copyOf(problems));
  }

  /** Applies {@code flyway.*} properties of a {@code flyway.conf} text. */
  public static FlywaySettings applyConf(
      FlywaySettings s, String text, String source, List<String> problems) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      problems.add(source + ": " + e.getMessage());
      return s;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith("flyway.")) {
        String k = key.substring("flyway.".length());
        String v = p.getProperty(key).trim();
        if (k.equals("locations") || k.equals("sqlMigrationSuffixes") || k.equals("schemas")) {
          List<Object> list = new ArrayList<>();
          for (String part : v.split(",")) {
            if (!part.isBlank()) {
              list.add(part.trim());
            }
          }
          values.put(k, list);
        } else {
          values.put(k, v);
        }
      }
    }
    return apply(s, values, source, problems);
  }

  /** Applies the {@code [flyway]} table (and the default environment's schemas) of a TOML text. */
  public static FlywaySettings applyToml(
      FlywaySettings s, String text, String source, List<String> problems) {
    Map<String, Object> all = MiniToml.parse(text, source, problems);
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : all.entrySet()) {
      String k = e.getKey();
      if (k.startsWith("flyway.")) {
        values.put(k.substring("flyway.".length()), e.getValue());
      } else if (k.startsWith("environments.")
          && k.endsWith(".schemas")
          && !values.containsKey("schemas")) {
        values.put("schemas", e.getValue());
      }
    }
    return apply(s, values, source, problems);
  }

  /**
   * Applies Flyway setting names ({@code locations}, {@code sqlMigrationPrefix}, {@code
   * placeholders.x}, {@code mixed}, …) to {@code s}; unknown names are ignored (Flyway has many the
   * linter does not need).
   */
  public static FlywaySettings apply(
      FlywaySettings s, Map<String, Object> values, String source, List<String> problems) {
    Map<String, String> placeholders = new LinkedHashMap<>(s.placeholders());
    for (Map.Entry<String, Object> e : values.entrySet()) {
      String k = e.getKey();
      Object v = e.getValue();
      if (k.startsWith("placeholders.")) {
        placeholders.put(k.substring("placeholders.".length()), String.valueOf(v));
        continue;
      }
      switch (k) {
        case "locations":
          s = s.withLocations(list(v));
          break;
        case "sqlMigrationPrefix":
          s =
              s.withPrefixes(
                  String.valueOf(v), s.undoSqlMigrationPrefix(), s.repeatableSqlMigrationPrefix());
          break;
        case "undoSqlMigrationPrefix":
          s =
              s.withPrefixes(
                  s.sqlMigrationPrefix(), String.valueOf(v), s.repeatableSqlMigrationPrefix());
          break;
        case "repeatableSqlMigrationPrefix":
          s = s.withPrefixes(s.sqlMigrationPrefix(), s.undoSqlMigrationPrefix(), String.valueOf(v));
          break;
        case "sqlMigrationSeparator":
          s = s.withSeparator(String.valueOf(v));
          break;
        case "sqlMigrationSuffixes":
          s = s.withSuffixes(list(v));
          break;
        case "placeholderReplacement":
          s = s.withPlaceholderReplacement(bool(v, k, source, problems, true));
          break;
        case "mixed":
          s = s.withMixed(bool(v, k, source, problems, false));
          break;
        case "outOfOrder":
          s = s.withOutOfOrder(bool(v, k, source, problems, false));
          break;
        case "defaultSchema":
          s = s.withDefaultSchema(String.valueOf(v).toLowerCase(Locale.ROOT));
          break;
        case "schemas":
          {
            List<String> schemas = list(v);
            if (!schemas.isEmpty() && !values.containsKey("defaultSchema")) {
              s = s.withDefaultSchema(schemas.get(0).toLowerCase(Locale.ROOT));
            }
            break;
          }
        default:
          break;
      }
    }
    return s.withPlaceholders(placeholders);
  }

  private static List<String> list(Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof List) {
      for (Object o : (List<?>) v) {
        out.add(String.valueOf(o).trim());
      }
    } else {
      for (String part : String.valueOf(v).split(",")) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
    }
    return out;
  }

  private static boolean bool(
      Object v, String key, String source, List<String> problems, boolean fallback) {
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    String s = String.valueOf(v).trim().toLowerCase(Locale.ROOT);
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    problems.add(source + ": " + key + " must be true or false, not '" + v + "'");
    return fallback;
  }
}
