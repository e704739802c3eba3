package dev.greenlight.linter.sql;

/**
 * A region of a migration file. Lines and columns are 1-based and counted in UTF-16 code units (the
 * unit SARIF and most editors use); offsets are 0-based char offsets into the decoded file.
 *
 * @param start offset of the first char
 * @param end offset just past the last char
 * @param line line of the first char
 * @param column column of the first char
 * @param endLine line of the last char
 * @param endColumn column of the last char (inclusive, like {@code Finding.endColumn})
 */
public record Span(int start, int end, int line, int column, int endLine, int endColumn) {

  // equals and hashCode written out: the record's generated ones go through method handles, which
  // cost a cold command line a visible share of its run for a class hashed this often.
  @Override
  public boolean equals(Object o) {
    return o instanceof Span s
        && start == s.start
        && end == s.end
        && line == s.line
        && column == s.column
        && endLine == s.endLine
        && endColumn == s.endColumn;
  }

  @Override
  public int hashCode() {
    return ((start * 31 + end) * 31 + line) * 31 + column;
  }

  /** The number of chars the span covers. */
  public int length() {
    return end - start;
  }

  /** Whether {@code other} lies entirely within this span. */
  public boolean contains(Span other) {
    return other.start >= start && other.end <= end;
  }

  /** The text this span covers in the file it was taken from. */
  public String text(CharSequence file) {
    return file.subSequence(start, end).toString();
  }

  /** {@code line:column}, the form messages use. */
  public String position() {
    return line + ":" + column;
  }

  @Override
  public String toString() {
    return line + ":" + column + "-" + endLine + ":" + endColumn;
  }
}
