package dev.greenlight.linter.flyway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subset of TOML that Flyway's {@code flyway.toml} uses: tables, dotted keys, strings,
 * booleans, numbers and (multi-line) arrays of those. Inline tables are skipped.
 */
final class MiniToml {
  private MiniToml() {}

  /** Parses {@code text} to a map of {@code "table.key"} to String, Boolean, Long or List. */
  static Map<String, Object> parse(String text, String source, List<String> problems) {
    Map<String, Object> out = new LinkedHashMap<>();
    String table = "";
    String[] lines = text.split("\r?\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = stripComment(lines[n]).trim();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("[")) {
        int close = line.lastIndexOf(']');
        if (close < 0) {
          problems.add(source + ":" + (n + 1) + ": unterminated table header");
          continue;
        }
        table = line.replace("[[", "[").replace("]]", "]");
        table = table.substring(1, table.indexOf(']')).trim().replace("\"", "");
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        problems.add(source + ":" + (n + 1) + ": expected key = value");
        continue;
      }
      String key = line.substring(0, eq).trim().replace("\"", "");
      String value = line.substring(eq + 1).trim();
      if (value.startsWith("[")) {
        StringBuilder b = new StringBuilder(value);
        while (!balanced(b) && n + 1 < lines.length) {
          b.append(' ').append(stripComment(lines[++n]).trim());
        }
        value = b.toString();
      }
      Object v = value(value, source, n + 1, problems);
      if (v != null) {
        out.put(table.isEmpty() ? key : table + "." + key, v);
      }
    }
    return out;
  }

  private static boolean balanced(CharSequence s) {
    int depth = 0;
    boolean inString = false;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        if (c == quote) {
          inString = false;
        }
      } else if (c == '"' || c == '\'') {
        inString = true;
        quote = c;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      }
    }
    return depth <= 0;
  }

  private static String stripComment(String line) {
    boolean inString = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (inString) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          inString = false;
        }
      } else if (c == '"' || c == '\'') {
        inString = true;
        quote = c;
      } else if (c == '#') {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static Object value(String v, String source, int line, List<String> problems) {
    if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
      return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if (v.startsWith("'") && v.endsWith("'") && v.length() >= 2) {
      return v.substring(1, v.length() - 1);
    }
    if (v.equals("true") || v.equals("false")) {
      return Boolean.valueOf(v);
    }
    if (v.startsWith("[")) {
      List<Object> items = new ArrayList<>();
      String inner = v.substring(1, v.lastIndexOf(']')).trim();
      for (String part : splitTopLevel(inner)) {
        String p = part.trim();
        if (!p.isEmpty()) {
          Object o = value(p, source, line, problems);
          if (o != null) {
            items.add(o);
          }
        }
      }
      return items;
    }
    if (v.startsWith("{")) {
      return null;
    }
    try {
      return Long.valueOf(v.replace("_", ""));
    } catch (NumberFormatException e) {
      problems.add(source + ":" + line + ": cannot read value '" + v + "'");
      return null;
    }
  }

  private static List<String> splitTopLevel(String s) {
    List<String> parts = new ArrayList<>();
    boolean inString = false;
    char quote = 0;
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        if (c == quote) {
          inString = false;
        }
      } else if (c == '"' || c == '\'') {
        inString = true;
        quote = c;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }
}
