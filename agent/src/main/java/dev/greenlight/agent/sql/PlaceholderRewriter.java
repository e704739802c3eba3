package dev.greenlight.agent.sql;

/**
 * Rewrites JDBC {@code ?} placeholders to PostgreSQL's {@code $1…$n}, outside string literals,
 * quoted identifiers, dollar quotes and comments. pgjdbc's escaped {@code ??} is the {@code ?}
 * operator (jsonb), so it becomes a single {@code ?}.
 */
public final class PlaceholderRewriter {
  private PlaceholderRewriter() {}

  public static String rewrite(String sql) {
    StringBuilder out = new StringBuilder(sql.length() + 8);
    int n = 0;
    int i = 0;
    int len = sql.length();
    while (i < len) {
      char c = sql.charAt(i);
      if (c == '\'') {
        boolean backslashEscapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
        int end = skipQuoted(sql, i, '\'', backslashEscapes);
        out.append(sql, i, end);
        i = end;
      } else if (c == '"') {
        int end = skipQuoted(sql, i, '"', false);
        out.append(sql, i, end);
        i = end;
      } else if (c == '-' && i + 1 < len && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? len : end;
        out.append(sql, i, end);
        i = end;
      } else if (c == '/' && i + 1 < len && sql.charAt(i + 1) == '*') {
        int end = skipBlockComment(sql, i);
        out.append(sql, i, end);
        i = end;
      } else if (c == '$' && dollarTagEnd(sql, i) > 0 && !isIdentifierPart(sql, i - 1)) {
        int tagEnd = dollarTagEnd(sql, i);
        String tag = sql.substring(i, tagEnd);
        int close = sql.indexOf(tag, tagEnd);
        int end = close < 0 ? len : close + tag.length();
        out.append(sql, i, end);
        i = end;
      } else if (c == '?') {
        if (i + 1 < len && sql.charAt(i + 1) == '?') {
          out.append('?');
          i += 2;
        } else {
          out.append('$').append(++n);
          i++;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int skipQuoted(String sql, int start, char quote, boolean backslashEscapes) {
    int i = start + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
        continue;
      }
      if (c == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }

  private static int skipBlockComment(String sql, int start) {
    int depth = 0;
    int i = start;
    while (i < sql.length()) {
      if (sql.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (sql.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /** End (exclusive) of a dollar-quote opening tag like {@code $$} or {@code $body$}, else -1. */
  private static int dollarTagEnd(String sql, int start) {
    int i = start + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '$') {
        return i + 1;
      }
      boolean ok = Character.isLetter(c) || c == '_' || (i > start + 1 && Character.isDigit(c));
      if (!ok) {
        return -1;
      }
      i++;
    }
    return -1;
  }

  private static boolean isIdentifierPart(String sql, int i) {
    if (i < 0) {
      return false;
    }
    char c = sql.charAt(i);
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
