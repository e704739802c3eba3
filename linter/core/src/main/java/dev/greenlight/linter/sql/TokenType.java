package dev.greenlight.linter.sql;

/** The kinds of PostgreSQL tokens the lexer produces. Keywords are {@link #WORD}s. */
public enum TokenType {
  /** An unquoted identifier or keyword. */
  WORD,
  /** A {@code "quoted"} identifier (also {@code U&"..."}). */
  QUOTED_IDENTIFIER,
  /** A {@code '...'} string constant (also {@code N'...'}). */
  STRING,
  /** An {@code E'...'} string constant with backslash escapes. */
  ESCAPE_STRING,
  /** A {@code U&'...'} string constant. */
  UNICODE_STRING,
  /** A {@code B'...'} or {@code X'...'} bit-string constant. */
  BIT_STRING,
  /** A dollar-quoted string, {@code $$...$$} or {@code $tag$...$tag$}. */
  DOLLAR_STRING,
  /** A numeric constant. */
  NUMBER,
  /** A positional parameter, {@code $1}. */
  PARAMETER,
  /** A Flyway placeholder, {@code ${name}}. */
  PLACEHOLDER,
  /** An operator such as {@code =}, {@code <>}, {@code ||}. */
  OPERATOR,
  /** {@code ::}. */
  CAST,
  /** {@code (}. */
  LEFT_PAREN,
  /** {@code )}. */
  RIGHT_PAREN,
  /** {@code [}. */
  LEFT_BRACKET,
  /** {@code ]}. */
  RIGHT_BRACKET,
  /** {@code ,}. */
  COMMA,
  /** {@code ;}. */
  SEMICOLON,
  /** {@code .}. */
  DOT,
  /** {@code :} (slices, psql variables) and {@code :=}. */
  COLON,
  /**
   * The inline data rows after {@code COPY ... FROM STDIN;}, up to and including the {@code \.}
   * line; they belong to the COPY statement before them.
   */
  COPY_DATA,
  /** Input the lexer could not read: an unterminated literal or comment, or a stray character. */
  ERROR
}
