package dev.greenlight.linter;

/**
 * Something wrong with a migration file or a configuration file that is not a rule finding: I/O
 * errors, invalid UTF-8, binary content, unterminated strings, comments or dollar quotes, bad
 * {@code .sql.conf} values.
 *
 * @param path the file as displayed (relative to the base directory when possible)
 * @param line 1-based line, 0 when the problem has no position
 * @param column 1-based column, 0 when the problem has no position
 * @param message what is wrong, e.g. {@code unterminated quoted string}
 */
public record FileProblem(String path, int line, int column, String message) {

  /** {@code path:line:col: message} (or {@code path: message} without a position). */
  @Override
  public String toString() {
    return line > 0 ? path + ":" + line + ":" + column + ": " + message : path + ": " + message;
  }
}
