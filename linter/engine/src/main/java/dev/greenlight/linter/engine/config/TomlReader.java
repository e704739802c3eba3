package dev.greenlight.linter.engine.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the TOML subset that Greenlight and Flyway configuration use, keeping the line and column
 * of every key so errors can point at them: comments, {@code [table.headers]} (bare or quoted
 * segments), {@code key = value} with dotted keys, basic and literal strings, integers, booleans
 * and arrays of those (also over several lines). Anything else is an error with its position.
 */
public final class TomlReader {

  /**
   * One {@code key = value} line.
   *
   * @param table the segments of the enclosing table header, e.g. {@code [rules, ban-drop-column]}
   * @param key the segments of the key
   * @param value a {@code String}, {@code Long}, {@code Boolean} or {@code List} of those
   */
  public record Entry(List<String> table, List<String> key, Object value, int line, int column) {
    /** The table and key joined with dots, e.g. {@code rules.ban-drop-column.severity}. */
    public String dottedName() {
      List<String> all = new ArrayList<>(table);
      all.addAll(key);
      return String.join(".", all);
    }
  }

  /** A table header line. */
  public record Table(List<String> name, int line, int column) {}

  /** Everything read from one document, in order. */
  public record Document(List<Table> tables, List<Entry> entries) {}

  private final String location;
  private final String text;
  private int pos;
  private int line = 1;
  private int lineStart;

  private TomlReader(String location, String text) {
    this.location = location;
    this.text = text;
  }

  /** Parses {@code text}; {@code location} names the file in error messages. */
  public static Document read(String location, String text) throws ConfigException {
    return new TomlReader(location, text).document();
  }

  private Document document() throws ConfigException {
    List<Table> tables = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    List<String> current = List.of();
    if (text.startsWith("\uFEFF")) {
      pos = 1;
      lineStart = 1;
    }
    while (true) {
      skipBlankAndComments();
      if (pos >= text.length()) {
        break;
      }
      int startLine = line;
      int startColumn = column();
      char c = text.charAt(pos);
      if (c == '[') {
        pos++;
        if (peek() == '[') {
          throw error("arrays of tables ([[…]]) are not supported here");
        }
        skipSpaces();
        List<String> name = keyPath();
        skipSpaces();
        expect(']', "']' to close the table header");
        endOfLine();
        current = List.copyOf(name);
        tables.add(new Table(current, startLine, startColumn));
      } else {
        List<String> key = keyPath();
        skipSpaces();
        expect('=', "'=' after the key");
        skipSpaces();
        Object value = value();
        endOfLine();
        entries.add(new Entry(current, List.copyOf(key), value, startLine, startColumn));
      }
    }
    return new Document(tables, entries);
  }

  private List<String> keyPath() throws ConfigException {
    List<String> parts = new ArrayList<>();
    while (true) {
      parts.add(keySegment());
      skipSpaces();
      if (peek() == '.') {
        pos++;
        skipSpaces();
      } else {
        return parts;
      }
    }
  }

  private String keySegment() throws ConfigException {
    char c = peek();
    if (c == '"') {
      return basicString();
    }
    if (c == '\'') {
      return literalString();
    }
    int start = pos;
    while (pos < text.length() && isBareKeyChar(text.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw error("expected a key name but found " + describe(c));
    }
    return text.substring(start, pos);
  }

  private static boolean isBareKeyChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }

  private Object value() throws ConfigException {
    char c = peek();
    if (c == '"') {
      if (text.startsWith("\"\"\"", pos)) {
        throw error("multi-line strings are not supported here");
      }
      return basicString();
    }
    if (c == '\'') {
      return literalString();
    }
    if (c == '[') {
      return array();
    }
    if (text.startsWith("true", pos) && !isBareKeyChar(charAt(pos + 4))) {
      pos += 4;
      return Boolean.TRUE;
    }
    if (text.startsWith("false", pos) && !isBareKeyChar(charAt(pos + 5))) {
      pos += 5;
      return Boolean.FALSE;
    }
    if (c == '-' || c == '+' || (c >= '0' && c <= '9')) {
      return integer();
    }
    throw error(
        "expected a value (a \"string\", a number, true/false or [an, array]) but found "
            + describe(c));
  }

  private List<Object> array() throws ConfigException {
    int startLine = line;
    int startColumn = column();
    pos++;
    List<Object> values = new ArrayList<>();
    while (true) {
      skipBlankAndComments();
      if (peek() == ']') {
        pos++;
        return values;
      }
      if (pos >= text.length()) {
        throw new ConfigException(
            location, startLine, startColumn, "unterminated array: expected ']'");
      }
      values.add(value());
      skipBlankAndComments();
      if (pos >= text.length()) {
        throw new ConfigException(
            location, startLine, startColumn, "unterminated array: expected ']'");
      }
      char c = peek();
      if (c == ',') {
        pos++;
      } else if (c != ']') {
        throw error("expected ',' or ']' in the array but found " + describe(c));
      }
    }
  }

  private Long integer() throws ConfigException {
    int start = pos;
    if (peek() == '-' || peek() == '+') {
      pos++;
    }
    while (pos < text.length()
        && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    String digits = text.substring(start, pos).replace("_", "");
    if (isBareKeyChar(charAt(pos)) || charAt(pos) == '.') {
      throw error("only whole numbers are supported here");
    }
    try {
      return Long.parseLong(digits.startsWith("+") ? digits.substring(1) : digits);
    } catch (NumberFormatException e) {
      pos = start;
      throw error("not a number: " + digits);
    }
  }

  private String basicString() throws ConfigException {
    int startColumn = column();
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length() || text.charAt(pos) == '\n') {
        throw new ConfigException(location, line, startColumn, "unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = charAt(pos++);
      switch (e) {
        case '"' -> sb.append('"');
        case '\\' -> sb.append('\\');
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'u', 'U' -> {
          int length = e == 'u' ? 4 : 8;
          if (pos + length > text.length()) {
            throw error("incomplete \\" + e + " escape");
          }
          try {
            sb.appendCodePoint(Integer.parseInt(text.substring(pos, pos + length), 16));
          } catch (IllegalArgumentException ex) {
            throw error("invalid \\" + e + " escape");
          }
          pos += length;
        }
        default -> {
          pos -= 2;
          throw error("invalid escape \\" + e + " in a string");
        }
      }
    }
  }

  private String literalString() throws ConfigException {
    int startColumn = column();
    int end = text.indexOf('\'', pos + 1);
    int newline = text.indexOf('\n', pos + 1);
    if (end < 0 || (newline >= 0 && newline < end)) {
      throw new ConfigException(location, line, startColumn, "unterminated string");
    }
    String value = text.substring(pos + 1, end);
    pos = end + 1;
    return value;
  }

  private void endOfLine() throws ConfigException {
    skipSpaces();
    if (peek() == '#') {
      while (pos < text.length() && text.charAt(pos) != '\n') {
        pos++;
      }
    }
    if (pos < text.length() && text.charAt(pos) == '\r') {
      pos++;
    }
    if (pos < text.length() && text.charAt(pos) != '\n') {
      throw error("unexpected " + describe(text.charAt(pos)) + " after the value");
    }
  }

  private void skipBlankAndComments() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\n') {
        pos++;
        line++;
        lineStart = pos;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '#') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else {
        return;
      }
    }
  }

  private void skipSpaces() {
    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
      pos++;
    }
  }

  private void expect(char c, String what) throws ConfigException {
    if (peek() != c) {
      throw error("expected " + what + " but found " + describe(peek()));
    }
    pos++;
  }

  private char peek() {
    return charAt(pos);
  }

  private char charAt(int i) {
    return i < text.length() ? text.charAt(i) : '\0';
  }

  private int column() {
    return pos - lineStart + 1;
  }

  private static String describe(char c) {
    if (c == '\0') {
      return "the end of the file";
    }
    if (c == '\n' || c == '\r') {
      return "the end of the line";
    }
    return "'" + c + "'";
  }

  private ConfigException error(String problem) {
    return new ConfigException(location, line, column(), problem);
  }
}
