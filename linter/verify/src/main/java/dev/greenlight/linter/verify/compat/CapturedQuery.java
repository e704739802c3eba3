package dev.greenlight.linter.verify.compat;

/**
 * One statement of a release's captured SQL ({@code $1}-style parameters), with where it stands in
 * its query file (1-based, end inclusive).
 */
public record CapturedQuery(
    String sql, String path, int line, int column, int endLine, int endColumn) {

  /** {@code file:line}, for messages. */
  public String location() {
    return path + ":" + line;
  }

  /** The statement on one line, shortened for messages. */
  public String summary() {
    String oneLine = sql.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 100 ? oneLine : oneLine.substring(0, 97) + "...";
  }
}
