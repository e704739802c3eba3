package dev.greenlight.linter.report;

import java.util.Objects;

/**
 * One finding of a rule at an exact span of a migration file. Lines and columns are 1-based; the
 * end column is the column of the last character of the span.
 *
 * @param rule the rule id, e.g. {@code ban-drop-column}
 * @param severity the effective severity after configuration
 * @param category the rule's catalogue section
 * @param message names the object, e.g. "Dropping column orders.legacy_ref breaks …"
 * @param help the safe alternative
 * @param path the migration path as reported (relative to the working directory when possible)
 * @param suppressed true when an inline or file suppression matched; kept in reports
 */
public record Finding(
    String rule,
    Severity severity,
    Category category,
    String message,
    String help,
    String path,
    int line,
    int column,
    int endLine,
    int endColumn,
    boolean suppressed) {

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(message, "message");
    help = help == null ? "" : help;
    path = path == null ? "" : path;
  }

  /** The same finding marked suppressed. */
  public Finding asSuppressed() {
    return new Finding(
        rule, severity, category, message, help, path, line, column, endLine, endColumn, true);
  }

  /** The same finding with another severity (from configuration). */
  public Finding withSeverity(Severity newSeverity) {
    return new Finding(
        rule,
        newSeverity,
        category,
        message,
        help,
        path,
        line,
        column,
        endLine,
        endColumn,
        suppressed);
  }
}
