package dev.greenlight.linter.flyway;

import java.util.List;
import java.util.Map;

/**
 * Flyway's naming and behaviour settings that matter to the linter, with Flyway's defaults. Filled
 * from {@code flyway.conf} / {@code flyway.toml} by {@link FlywayConfigFiles}, or by the engine
 * from greenlight.toml's {@code [flyway]} section; immutable, change with the {@code with...}
 * methods.
 *
 * @param locations where migrations live, Flyway syntax ({@code filesystem:db/migration} or a plain
 *     path; {@code classpath:x} is read as {@code src/main/resources/x})
 * @param sqlMigrationPrefix versioned prefix, {@code V}
 * @param undoSqlMigrationPrefix undo prefix, {@code U}
 * @param repeatableSqlMigrationPrefix repeatable prefix, {@code R}
 * @param sqlMigrationSeparator between version and description, {@code __}
 * @param sqlMigrationSuffixes file suffixes, {@code [.sql]}
 * @param placeholders placeholder values, {@code ${name}} in the SQL
 * @param placeholderReplacement whether placeholders are replaced at all
 * @param mixed whether Flyway allows files mixing transactional and non-transactional statements
 * @param outOfOrder whether Flyway applies versions below the highest applied one
 * @param defaultSchema the schema unqualified names resolve to ({@code public})
 */
public record FlywaySettings(
    List<String> locations,
    String sqlMigrationPrefix,
    String undoSqlMigrationPrefix,
    String repeatableSqlMigrationPrefix,
    String sqlMigrationSeparator,
    List<String> sqlMigrationSuffixes,
    Map<String, String> placeholders,
    boolean placeholderReplacement,
    boolean mixed,
    boolean outOfOrder,
    String defaultSchema) {

  public FlywaySettings {
    locations = List.copyOf(locations);
    sqlMigrationSuffixes = List.copyOf(sqlMigrationSuffixes);
    placeholders = Map.copyOf(placeholders);
  }

  /** Flyway's defaults. */
  public static FlywaySettings defaults() {
    return new FlywaySettings(
        List.of("db/migration"),
        "V",
        "U",
        "R",
        "__",
        List.of(".sql"),
        Map.of(),
        true,
        false,
        false,
        "public");
  }

  public FlywaySettings withLocations(List<String> v) {
    return new FlywaySettings(
        v,
        sqlMigrationPrefix,
        undoSqlMigrationPrefix,
        repeatableSqlMigrationPrefix,
        sqlMigrationSeparator,
        sqlMigrationSuffixes,
        placeholders,
        placeholderReplacement,
        mixed,
        outOfOrder,
        defaultSchema);
  }

  public FlywaySettings withPrefixes(String versioned, String undo, String repeatable) {
    return new FlywaySettings(
        locations,
        versioned,
        undo,
        repeatable,
        sqlMigrationSeparator,
        sqlMigrationSuffixes,
        placeholders,
        placeholderReplacement,
        mixed,
        outOfOrder,
        defaultSchema);
  }

  public FlywaySettings withSeparator(String v) {
    return new FlywaySettings(
        locations,
        sqlMigrationPrefix,
        undoSqlMigrationPrefix,
        repeatableSqlMigrationPrefix,
        v,
        sqlMigrationSuffixes,
        placeholders,
        placeholderReplacement,
        mixed,
        outOfOrder,
        defaultSchema);
  }

  public FlywaySettings withSuffixes(List<String> v) {
    return new FlywaySettings(
        locations,
        sqlMigrationPrefix,
        undoSqlMigrationPrefix,
        repeatableSqlMigrationPrefix,
        sqlMigrationSeparator,
        v,
        placeholders,
        placeholderReplacement,
        mixed,
        outOfOrder,
        defaultSchema);
  }

  public FlywaySettings withPlaceholders(Map<String, String> v) {
    return new FlywaySettings(
        locations,
        sqlMigrationPrefix,
        undoSqlMigrationPrefix,
        repeatableSqlMigrationPrefix,
        sqlMigrationSeparator,
        sqlMigrationSuffixes,
        v,
        placeholderReplacement,
        mixed,
        outOfOrder,
        defaultSchema);
  }

  public FlywaySettings withPlaceholderReplacement(boolean v) {
    return new FlywaySettings(
        locations,
        sqlMigrationPrefix,
        undoSqlMigrationPrefix,
        repeatableSqlMigrationPrefix,
        sqlMigrationSeparator,
        sqlMigrationSuffixes,
        placeholders,
        v,
        mixed,
        outOfOrder,
        defaultSchema);
  }

  public FlywaySettings withMixed(boolean v) {
    return new FlywaySettings(
        locations,
        sqlMigrationPrefix,
        undoSqlMigrationPrefix,
        repeatableSqlMigrationPrefix,
        sqlMigrationSeparator,
        sqlMigrationSuffixes,
        placeholders,
        placeholderReplacement,
        v,
        outOfOrder,
        defaultSchema);
  }

  public FlywaySettings withOutOfOrder(boolean v) {
    return new FlywaySettings(
        locations,
        sqlMigrationPrefix,
        undoSqlMigrationPrefix,
        repeatableSqlMigrationPrefix,
        sqlMigrationSeparator,
        sqlMigrationSuffixes,
        placeholders,
        placeholderReplacement,
        mixed,
        v,
        defaultSchema);
  }

  public FlywaySettings withDefaultSchema(String v) {
    return new FlywaySettings(
        locations,
        sqlMigrationPrefix,
        undoSqlMigrationPrefix,
        repeatableSqlMigrationPrefix,
        sqlMigrationSeparator,
        sqlMigrationSuffixes,
        placeholders,
        placeholderReplacement,
        mixed,
        outOfOrder,
        v);
  }
}
