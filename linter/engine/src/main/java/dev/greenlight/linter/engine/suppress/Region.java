package dev.greenlight.linter.engine.suppress;

/** A 1-based, inclusive region of a file: where a comment or statement is. */
public record Region(int line, int column, int endLine, int endColumn) {

  /** Whether the position {@code line:column} lies within this region. */
  public boolean contains(int atLine, int atColumn) {
    return compare(atLine, atColumn, line, column) >= 0
        && compare(atLine, atColumn, endLine, endColumn) <= 0;
  }

  /** Whether this region starts after the end of {@code other}. */
  public boolean startsAfter(Region other) {
    return compare(line, column, other.endLine, other.endColumn) > 0;
  }

  private static int compare(int lineA, int columnA, int lineB, int columnB) {
    return lineA != lineB ? Integer.compare(lineA, lineB) : Integer.compare(columnA, columnB);
  }
}
