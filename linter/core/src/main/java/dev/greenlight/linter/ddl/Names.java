package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.TokenType;
import dev.greenlight.linter.sql.Tokens;
import java.util.Locale;
import java.util.Map;

/** Identifier resolution shared by the parser and the expression facts. */
final class Names {
  private Names() {}

  /** Placeholder values in effect for the thread that parses (set by the parser's caller). */
  static final ThreadLocal<Map<String, String>> PLACEHOLDERS = ThreadLocal.withInitial(Map::of);

  /** The identifier of token {@code i}: folded when unquoted, unescaped when quoted. */
  static String resolve(Tokens t, int i) {
    TokenType type = t.type(i);
    String raw = t.text(i);
    switch (type) {
      case WORD:
        return foldLower(raw);
      case QUOTED_IDENTIFIER:
        {
          int open = raw.indexOf('"');
          String body = raw.substring(open + 1, raw.length() - 1);
          return body.indexOf('"') >= 0 ? body.replace("\"\"", "\"") : body;
        }
      case PLACEHOLDER:
        {
          String key = raw.substring(2, raw.length() - 1);
          String value = PLACEHOLDERS.get().get(key);
          return value == null ? raw : foldLower(value);
        }
      default:
        return raw;
    }
  }

  private static String foldLower(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        return raw.toLowerCase(Locale.ROOT);
      }
    }
    return raw;
  }
}
