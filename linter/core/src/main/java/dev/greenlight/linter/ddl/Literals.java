package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.SourceText;
import dev.greenlight.linter.sql.TokenType;
import dev.greenlight.linter.sql.Tokens;

/** Values and content ranges of string literal tokens. */
final class Literals {
  private Literals() {}

  /** Local offsets {@code [start, end)} of a literal's content, quotes and tags excluded. */
  static int[] contentRange(Tokens t, int i) {
    String s = t.source().text();
    int start = t.start(i);
    int end = t.end(i);
    if (t.type(i) == TokenType.DOLLAR_STRING) {
      int tagEnd = s.indexOf('$', start + 1) + 1;
      int tagLength = tagEnd - start;
      return new int[] {tagEnd, end - tagLength};
    }
    int open = s.indexOf('\'', start);
    return new int[] {open + 1, Math.max(open + 1, end - 1)};
  }

  /** The value of a string literal token: quotes removed, escapes applied. */
  static String stringValue(Tokens t, int i) {
    int[] r = contentRange(t, i);
    String raw = t.source().text().substring(r[0], r[1]);
    switch (t.type(i)) {
      case DOLLAR_STRING:
        return raw;
      case ESCAPE_STRING:
        return unescape(raw, true, null);
      default:
        return raw.indexOf('\'') >= 0 ? raw.replace("''", "'") : raw;
    }
  }

  /**
   * The content of a quoted literal as its own text, with a map back to file offsets, so statements
   * parsed from it ({@code EXECUTE '...'}, {@code DO '...'}) keep file positions.
   */
  static SourceText unescapedSource(Tokens t, int i) {
    int[] r = contentRange(t, i);
    String raw = t.source().text().substring(r[0], r[1]);
    int[] map = new int[raw.length() + 1];
    String value = unescape(raw, t.type(i) == TokenType.ESCAPE_STRING, map);
    int[] offsets = new int[value.length() + 1];
    for (int k = 0; k < value.length(); k++) {
      offsets[k] = r[0] + map[k];
    }
    offsets[value.length()] = r[1];
    return SourceText.derived(value, t.source(), offsets);
  }

  /** Removes '' (and backslash escapes when asked); {@code map[k]} = raw offset of value char k. */
  private static String unescape(String raw, boolean backslashes, int[] map) {
    StringBuilder b = new StringBuilder(raw.length());
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      int at = i;
      if (c == '\'' && i + 1 < raw.length() && raw.charAt(i + 1) == '\'') {
        i += 2;
      } else if (backslashes && c == '\\' && i + 1 < raw.length()) {
        char n = raw.charAt(i + 1);
        i += 2;
        switch (n) {
          case 'n':
            c = '\n';
            break;
          case 't':
            c = '\t';
            break;
          case 'r':
            c = '\r';
            break;
          case 'b':
            c = '\b';
            break;
          case 'f':
            c = '\f';
            break;
          default:
            c = n;
        }
      } else {
        i++;
      }
      if (map != null) {
        map[b.length()] = at;
      }
      b.append(c);
    }
    return b.toString();
  }
}
