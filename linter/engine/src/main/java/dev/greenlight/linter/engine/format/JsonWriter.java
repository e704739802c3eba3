package dev.greenlight.linter.engine.format;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A small pretty-printing JSON writer. The report formats write their fixed field names by hand so
 * that no reflection-based mapper sits on the CLI's start-up path.
 */
public final class JsonWriter {
  private static final String INDENT = "\n" + "  ".repeat(32);

  private final Appendable out;
  // Everything is built here and handed to {@code out} once per top-level value: one large append
  // instead of many small ones through an interface.
  private final StringBuilder sb;
  // Strings already seen to need no escaping, by identity: a report repeats the same help text and
  // path objects thousands of times, and scanning them char by char is most of rendering.
  private final java.util.IdentityHashMap<String, Boolean> clean =
      new java.util.IdentityHashMap<>();
  private int depth;
  private boolean first = true;
  private boolean afterName;

  public JsonWriter(Appendable out) {
    this.out = out;
    this.sb = out instanceof StringBuilder builder ? builder : new StringBuilder(1 << 16);
  }

  /**
   * A writer for a run of elements inside an array that another writer has open at {@code depth}
   * (its {@link #beginArray} raised the depth to it): elements written here carry the separators
   * and indentation they would have there, so the text can be handed to that writer's {@link
   * #elements}. {@code first} is true when no element precedes the run.
   */
  public static JsonWriter elementsAt(int depth, boolean first, StringBuilder into) {
    JsonWriter writer = new JsonWriter(into);
    writer.depth = depth;
    writer.first = first;
    return writer;
  }

  /** The current nesting depth (for {@link #elementsAt}). */
  public int depth() {
    return depth;
  }

  /** Whether nothing has been written yet in the open array or object (for {@link #elementsAt}). */
  public boolean atFirst() {
    return first;
  }

  /** Appends elements rendered by an {@link #elementsAt} writer for this array. */
  public JsonWriter elements(CharSequence rendered) {
    if (rendered.length() > 0) {
      sb.append(rendered);
      first = false;
    }
    return this;
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
    sb.append(bracket);
    first = false;
    if (depth == 0) {
      sb.append('\n');
      if (sb != out) {
        try {
          out.append(sb);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        sb.setLength(0);
      }
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
    int chars = 1 + 2 * depth;
    if (chars <= INDENT.length()) {
      sb.append(INDENT, 0, chars);
    } else {
      sb.append('\n').append("  ".repeat(depth));
    }
  }

  private void string(String text) {
    sb.append('"');
    if (text.length() < REMEMBER_FROM) {
      escapeInto(text, sb);
    } else if (clean.containsKey(text)) {
      sb.append(text);
    } else if (escapeInto(text, sb) && clean.size() < REMEMBER_AT_MOST) {
      clean.put(text, Boolean.TRUE);
    }
    sb.append('"');
  }

  private static final int REMEMBER_FROM = 24;
  private static final int REMEMBER_AT_MOST = 8192;

  /**
   * Appends {@code text} with JSON string escapes (no quotes); true when nothing needed escaping.
   */
  public static boolean escapeInto(String text, StringBuilder sb) {
    int length = text.length();
    int clean = 0;
    while (clean < length) {
      char c = text.charAt(clean);
      if (c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029') {
        break;
      }
      clean++;
    }
    if (clean == length) {
      // The common case, and a block copy (append(text, 0, n) would copy char by char).
      sb.append(text);
      return true;
    }
    sb.append(text, 0, clean);
    for (int i = clean; i < length; i++) {
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
    return false;
  }

  private void raw(String s) {
    sb.append(s);
  }
}
