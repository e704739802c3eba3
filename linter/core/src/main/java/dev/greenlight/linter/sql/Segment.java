package dev.greenlight.linter.sql;

/**
 * A piece of a file's partition: every char of a file belongs to exactly one segment.
 *
 * @param kind what the piece is
 * @param start local start offset
 * @param end local end offset (exclusive)
 */
public record Segment(Kind kind, int start, int end) {

  /** What a segment holds. */
  public enum Kind {
    /** A statement, comments inside it included, up to and including its semicolon. */
    STATEMENT,
    /** A comment between statements. */
    COMMENT,
    /** A run of whitespace between statements. */
    WHITESPACE,
    /** A semicolon that ends no statement (an empty statement, which PostgreSQL ignores). */
    EMPTY_STATEMENT
  }
}
