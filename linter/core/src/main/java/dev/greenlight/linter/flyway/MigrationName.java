package dev.greenlight.linter.flyway;

import org.flywaydb.core.api.MigrationVersion;

/**
 * What a file name says under Flyway's naming: {@code V<version>__<description>.sql}, {@code
 * U<version>__...}, {@code R__<description>.sql}; anything else is {@link Kind#OTHER} (still
 * linted, e.g. a file named on the command line).
 *
 * @param version Flyway's version (null unless versioned or undo)
 * @param versionText the version as written in the name, e.g. {@code 1.2}, or null
 * @param description the description with underscores as spaces
 */
public record MigrationName(
    String fileName, Kind kind, MigrationVersion version, String versionText, String description) {

  /** The kinds of Flyway SQL migrations. */
  public enum Kind {
    VERSIONED,
    UNDO,
    REPEATABLE,
    /** A file that does not follow the naming (Flyway would skip it when scanning folders). */
    OTHER
  }

  /** Reads {@code fileName} under {@code settings}' prefixes, separator and suffixes. */
  public static MigrationName parse(String fileName, FlywaySettings settings) {
    String base = null;
    for (String suffix : settings.sqlMigrationSuffixes()) {
      if (fileName.length() > suffix.length() && fileName.endsWith(suffix)) {
        base = fileName.substring(0, fileName.length() - suffix.length());
        break;
      }
    }
    if (base == null) {
      return other(fileName);
    }
    String sep = settings.sqlMigrationSeparator();
    String repeatable = settings.repeatableSqlMigrationPrefix();
    if (base.startsWith(repeatable + sep)) {
      return new MigrationName(
          fileName,
          Kind.REPEATABLE,
          null,
          null,
          base.substring(repeatable.length() + sep.length()).replace('_', ' '));
    }
    Kind kind;
    String rest;
    if (base.startsWith(settings.sqlMigrationPrefix())) {
      kind = Kind.VERSIONED;
      rest = base.substring(settings.sqlMigrationPrefix().length());
    } else if (base.startsWith(settings.undoSqlMigrationPrefix())) {
      kind = Kind.UNDO;
      rest = base.substring(settings.undoSqlMigrationPrefix().length());
    } else {
      return other(fileName);
    }
    int at = rest.indexOf(sep);
    String versionText = at < 0 ? rest : rest.substring(0, at);
    String description = at < 0 ? "" : rest.substring(at + sep.length()).replace('_', ' ');
    if (!isVersion(versionText)) {
      return other(fileName);
    }
    MigrationVersion version;
    try {
      version = MigrationVersion.fromVersion(versionText.replace('_', '.'));
    } catch (RuntimeException e) {
      return other(fileName);
    }
    return new MigrationName(fileName, kind, version, versionText, description);
  }

  /** {@code [0-9]+([._][0-9]+)*}, checked without a regular expression (this runs per file). */
  private static boolean isVersion(String v) {
    if (v.isEmpty()) {
      return false;
    }
    boolean digitExpected = true;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c >= '0' && c <= '9') {
        digitExpected = false;
      } else if ((c == '.' || c == '_') && !digitExpected) {
        digitExpected = true;
      } else {
        return false;
      }
    }
    return !digitExpected;
  }

  private static MigrationName other(String fileName) {
    String d = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
    return new MigrationName(fileName, Kind.OTHER, null, null, d.replace('_', ' '));
  }

  /** Flyway's canonical version string ({@code 1.2}), or null. */
  public String versionString() {
    return versionText == null ? null : versionText.replace('_', '.');
  }
}
