package dev.greenlight.linter.sql;

/**
 * A comment of a migration file.
 *
 * @param span where it is, delimiters included
 * @param text the comment's text, delimiters included
 * @param block true for {@code /* ... *}{@code /}, false for {@code -- ...}
 */
public record Comment(Span span, String text, boolean block) {

  /** The text without its delimiters, trimmed. */
  public String body() {
    if (block) {
      int end = text.endsWith("*/") && text.length() >= 4 ? text.length() - 2 : text.length();
      return text.substring(2, end).trim();
    }
    return text.substring(2).trim();
  }
}
