package dev.greenlight.linter.engine.config;

import dev.greenlight.linter.engine.spelling.NearestName;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.RunnerMode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds and reads {@code greenlight.toml}. Every key and rule id is checked: an unknown one is an
 * error naming the file, line, column and the nearest valid name.
 */
public final class ConfigLoader {
  public static final String FILE_NAME = "greenlight.toml";

  static final List<String> TOP_LEVEL_KEYS =
      List.of(
          "pg-version",
          "fail-on",
          "runner",
          "runner-sets-lock-timeout",
          "require-suppression-reason",
          "help-base-url");
  static final List<String> TABLES = List.of("rules", "flyway");
  static final List<String> RULE_KEYS = List.of("severity");

  /** {@code [flyway]} keys (kebab-case) and the Flyway setting each one maps to. */
  static final Map<String, String> FLYWAY_NAMING_KEYS = flywayNamingKeys();

  private final Set<String> ruleIds;
  private final Function<String, Optional<String>> nearestRuleId;

  /**
   * @param ruleIds every valid rule id
   * @param nearestRuleId the closest valid id to an unknown one
   */
  public ConfigLoader(Set<String> ruleIds, Function<String, Optional<String>> nearestRuleId) {
    this.ruleIds = Set.copyOf(ruleIds);
    this.nearestRuleId = nearestRuleId;
  }

  private static Map<String, String> flywayNamingKeys() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("sql-migration-prefix", "sqlMigrationPrefix");
    keys.put("undo-sql-migration-prefix", "undoSqlMigrationPrefix");
    keys.put("repeatable-sql-migration-prefix", "repeatableSqlMigrationPrefix");
    keys.put("sql-migration-separator", "sqlMigrationSeparator");
    keys.put("sql-migration-suffixes", "sqlMigrationSuffixes");
    keys.put("placeholder-prefix", "placeholderPrefix");
    keys.put("placeholder-suffix", "placeholderSuffix");
    keys.put("placeholder-replacement", "placeholderReplacement");
    keys.put("mixed", "mixed");
    keys.put("out-of-order", "outOfOrder");
    return Map.copyOf(keys);
  }

  /** The nearest {@code greenlight.toml} in {@code start} or one of its parents. */
  public static Optional<Path> find(Path start) {
    Path dir = start.toAbsolutePath().normalize();
    while (dir != null) {
      Path candidate = dir.resolve(FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }

  /**
   * Reads {@code explicit} when given (it must exist), otherwise the nearest {@code
   * greenlight.toml} above {@code workingDirectory}, otherwise the defaults.
   */
  public GreenlightConfig load(Optional<Path> explicit, Path workingDirectory)
      throws ConfigException {
    Optional<Path> file = explicit.isPresent() ? explicit : find(workingDirectory);
    if (file.isEmpty()) {
      return GreenlightConfig.empty();
    }
    return read(file.get());
  }

  /** Reads one configuration file. */
  public GreenlightConfig read(Path file) throws ConfigException {
    String text;
    try {
      byte[] bytes = Files.readAllBytes(file);
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": configuration file not found");
    } catch (CharacterCodingException e) {
      throw new ConfigException(file + ": not valid UTF-8");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage());
    }
    return parse(file, text);
  }

  /** Interprets the text of a configuration file; {@code file} names it in errors. */
  public GreenlightConfig parse(Path file, String text) throws ConfigException {
    String where = file.toString();
    TomlReader.Document doc = TomlReader.read(where, text);
    for (TomlReader.Table table : doc.tables()) {
      checkTable(where, table);
    }
    Optional<Integer> pgVersion = Optional.empty();
    Optional<Severity> failOn = Optional.empty();
    Optional<RunnerMode> runner = Optional.empty();
    Optional<Boolean> runnerSetsLockTimeout = Optional.empty();
    Optional<Boolean> requireReason = Optional.empty();
    Optional<String> helpBaseUrl = Optional.empty();
    Map<String, Severity> severities = new LinkedHashMap<>();
    List<Path> locations = new ArrayList<>();
    Map<String, String> naming = new LinkedHashMap<>();
    Map<String, String> placeholders = new LinkedHashMap<>();
    Path base = file.toAbsolutePath().getParent();

    for (TomlReader.Entry e : doc.entries()) {
      List<String> name = new ArrayList<>(e.table());
      name.addAll(e.key());
      String first = name.get(0);
      if (name.size() == 1) {
        switch (first) {
          case "pg-version" -> {
            long v = integer(where, e);
            if (v < 11 || v > 18) {
              throw error(where, e, "pg-version " + v + " is not supported (use 11–18)");
            }
            pgVersion = Optional.of((int) v);
          }
          case "fail-on" -> {
            Severity s = Severity.parse(string(where, e));
            if (s == null || s == Severity.OFF) {
              throw error(
                  where,
                  e,
                  "fail-on must be \"error\", \"warning\" or \"info\", not \""
                      + e.value()
                      + "\""
                      + NearestName.hint(
                          String.valueOf(e.value()), List.of("error", "warning", "info")));
            }
            failOn = Optional.of(s);
          }
          case "runner" -> {
            String value = string(where, e);
            RunnerMode mode = RunnerMode.parse(value);
            if (mode == null) {
              List<String> valid = Arrays.stream(RunnerMode.values()).map(RunnerMode::id).toList();
              throw error(
                  where, e, "unknown runner \"" + value + "\"" + NearestName.hint(value, valid));
            }
            runner = Optional.of(mode);
          }
          case "runner-sets-lock-timeout" -> runnerSetsLockTimeout = Optional.of(bool(where, e));
          case "require-suppression-reason" -> requireReason = Optional.of(bool(where, e));
          case "help-base-url" -> helpBaseUrl = Optional.of(string(where, e));
          default -> throw unknownKey(where, e, first, TOP_LEVEL_KEYS, "");
        }
      } else if (first.equals("rules")) {
        if (name.size() != 3) {
          throw error(
              where,
              e,
              "rule settings go in a table: [rules.<rule-id>] with severity = \"warning\"");
        }
        String id = name.get(1);
        checkRuleId(where, e.line(), e.column(), id);
        if (!RULE_KEYS.contains(name.get(2))) {
          throw unknownKey(where, e, name.get(2), RULE_KEYS, "[rules." + id + "] ");
        }
        String value = string(where, e);
        Severity s = Severity.parse(value);
        if (s == null) {
          throw error(
              where,
              e,
              "severity must be \"error\", \"warning\", \"info\" or \"off\", not \""
                  + value
                  + "\""
                  + NearestName.hint(value, List.of("error", "warning", "info", "off")));
        }
        severities.put(id, s);
      } else if (first.equals("flyway")) {
        String key = name.get(1);
        if (key.equals("placeholders") && name.size() == 3) {
          placeholders.put(name.get(2), scalar(where, e));
        } else if (name.size() != 2) {
          throw unknownKey(
              where, e, String.join(".", name.subList(1, name.size())), flywayKeys(), "[flyway] ");
        } else if (key.equals("locations")) {
          for (String location : strings(where, e)) {
            String folder = location.startsWith("filesystem:") ? location.substring(11) : location;
            locations.add(base.resolve(folder).normalize());
          }
        } else if (FLYWAY_NAMING_KEYS.containsKey(key)) {
          Object value = e.value();
          String joined =
              value instanceof List<?> list
                  ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                  : String.valueOf(value);
          naming.put(FLYWAY_NAMING_KEYS.get(key), joined);
        } else {
          throw unknownKey(where, e, key, flywayKeys(), "[flyway] ");
        }
      } else {
        throw unknownKey(where, e, first, TOP_LEVEL_KEYS, "");
      }
    }
    return new GreenlightConfig(
        Optional.of(file),
        pgVersion,
        failOn,
        runner,
        runnerSetsLockTimeout,
        requireReason,
        helpBaseUrl,
        severities,
        new GreenlightConfig.FlywaySection(locations, naming, placeholders));
  }

  private void checkTable(String where, TomlReader.Table table) throws ConfigException {
    List<String> name = table.name();
    String first = name.get(0);
    if (!TABLES.contains(first)) {
      throw new ConfigException(
          where,
          table.line(),
          table.column(),
          "unknown table [" + String.join(".", name) + "]" + NearestName.hint(first, TABLES));
    }
    if (first.equals("rules") && name.size() == 2) {
      checkRuleId(where, table.line(), table.column(), name.get(1));
    } else if (first.equals("rules") && name.size() != 2) {
      throw new ConfigException(
          where, table.line(), table.column(), "rule tables are named [rules.<rule-id>]");
    } else if (first.equals("flyway")
        && !(name.size() == 1 || (name.size() == 2 && name.get(1).equals("placeholders")))) {
      throw new ConfigException(
          where,
          table.line(),
          table.column(),
          "unknown table [" + String.join(".", name) + "] (did you mean [flyway.placeholders]?)");
    }
  }

  private void checkRuleId(String where, int line, int column, String id) throws ConfigException {
    if (!ruleIds.contains(id)) {
      String hint = nearestRuleId.apply(id).map(n -> " (did you mean '" + n + "'?)").orElse("");
      throw new ConfigException(where, line, column, "unknown rule id '" + id + "'" + hint);
    }
  }

  private static List<String> flywayKeys() {
    List<String> keys = new ArrayList<>(List.of("locations", "placeholders"));
    keys.addAll(FLYWAY_NAMING_KEYS.keySet());
    return keys;
  }

  private static ConfigException unknownKey(
      String where, TomlReader.Entry e, String key, List<String> valid, String scope) {
    return error(where, e, "unknown key " + scope + "'" + key + "'" + NearestName.hint(key, valid));
  }

  private static ConfigException error(String where, TomlReader.Entry e, String problem) {
    return new ConfigException(where, e.line(), e.column(), problem);
  }

  private static long integer(String where, TomlReader.Entry e) throws ConfigException {
    if (e.value() instanceof Long l) {
      return l;
    }
    throw error(where, e, e.dottedName() + " must be a number");
  }

  private static boolean bool(String where, TomlReader.Entry e) throws ConfigException {
    if (e.value() instanceof Boolean b) {
      return b;
    }
    throw error(where, e, e.dottedName() + " must be true or false");
  }

  private static String string(String where, TomlReader.Entry e) throws ConfigException {
    if (e.value() instanceof String s) {
      return s;
    }
    throw error(where, e, e.dottedName() + " must be a \"string\"");
  }

  private static String scalar(String where, TomlReader.Entry e) throws ConfigException {
    if (e.value() instanceof List<?>) {
      throw error(where, e, e.dottedName() + " must be a single value");
    }
    return String.valueOf(e.value());
  }

  private static List<String> strings(String where, TomlReader.Entry e) throws ConfigException {
    if (e.value() instanceof String s) {
      return List.of(s);
    }
    if (e.value() instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      return list.stream().map(String.class::cast).toList();
    }
    throw error(where, e, e.dottedName() + " must be a list of \"strings\"");
  }
}
