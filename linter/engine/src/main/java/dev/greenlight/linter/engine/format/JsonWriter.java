package dev.greenlight.linter.engine.format;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A small pretty-printing JSON writer. The report formats write their fixed field names by hand so
 * that no reflection-based mapper sits on the CLI's start-up path.
 */
public final class JsonWriter {
  private final Appendable out;
  private int depth;
  private boolean first = true;
  private boolean afterName;

  public JsonWriter(Appendable out) {
    this.out = out;
  }

  public JsonWriter beginObject() {
    valuePrefix();
    raw("{");
    depth++;
    first = true;
    return this;
  }

  public JsonWriter endObject() {
    return close("}");
  }

  public JsonWriter beginArray() {
    valuePrefix();
    raw("[");
    depth++;
    first = true;
    return this;
  }

  public JsonWriter endArray() {
    return close("]");
  }

  /** Writes a member name; the next call writes its value. */
  public JsonWriter name(String name) {
    separator();
    string(name);
    raw(": ");
    afterName = true;
    return this;
  }

  public JsonWriter value(String text) {
    valuePrefix();
    if (text == null) {
      raw("null");
    } else {
      string(text);
    }
    return this;
  }

  public JsonWriter value(long number) {
    valuePrefix();
    raw(Long.toString(number));
    return this;
  }

  public JsonWriter value(boolean bool) {
    valuePrefix();
    raw(bool ? "true" : "false");
    return this;
  }

  public JsonWriter field(String name, String text) {
    return name(name).value(text);
  }

  public JsonWriter field(String name, long number) {
    return name(name).value(number);
  }

  public JsonWriter field(String name, boolean bool) {
    return name(name).value(bool);
  }

  private JsonWriter close(String bracket) {
    depth--;
    if (!first) {
      newline();
    }
    raw(bracket);
    first = false;
    if (depth == 0) {
      raw("\n");
    }
    return this;
  }

  private void valuePrefix() {
    if (afterName) {
      afterName = false;
      return;
    }
    separator();
  }

  private void separator() {
    if (depth == 0) {
      return;
    }
    if (!first) {
      raw(",");
    }
    newline();
    first = false;
  }

  private void newline() {
    raw("\n");
    for (int i = 0; i < depth; i++) {
      raw("  ");
    }
  }

  private void string(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 2);
    sb.append('"');
    escapeInto(text, sb);
    sb.append('"');
    raw(sb);
  }

  /** Appends {@code text} with JSON string escapes (no quotes). */
  public static void escapeInto(String text, StringBuilder sb) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
  }

  private void raw(CharSequence s) {
    try {
      out.append(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
