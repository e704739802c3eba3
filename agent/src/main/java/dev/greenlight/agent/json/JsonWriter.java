package dev.greenlight.agent.json;

import java.util.Collection;
import java.util.Locale;

/**
 * Writes JSON into a string, keeping track of commas. Numbers that are not finite become null,
 * because JSON has no NaN.
 */
public final class JsonWriter {
  private final StringBuilder out = new StringBuilder(512);
  // One flag per nesting level: has the current container received a value yet?
  private boolean[] hasValue = new boolean[16];
  private int depth;
  private boolean afterName;

  public JsonWriter beginObject() {
    beforeValue();
    out.append('{');
    push();
    return this;
  }

  public JsonWriter endObject() {
    depth--;
    out.append('}');
    return this;
  }

  public JsonWriter beginArray() {
    beforeValue();
    out.append('[');
    push();
    return this;
  }

  public JsonWriter endArray() {
    depth--;
    out.append(']');
    return this;
  }

  public JsonWriter name(String name) {
    if (hasValue[depth]) {
      out.append(',');
    }
    hasValue[depth] = true;
    string(name);
    out.append(':');
    afterName = true;
    return this;
  }

  public JsonWriter value(String s) {
    beforeValue();
    if (s == null) {
      out.append("null");
    } else {
      string(s);
    }
    return this;
  }

  public JsonWriter value(long n) {
    beforeValue();
    out.append(n);
    return this;
  }

  public JsonWriter value(boolean b) {
    beforeValue();
    out.append(b);
    return this;
  }

  /** A decimal rounded to one place, or null when it is absent or not finite. */
  public JsonWriter value(Double d) {
    beforeValue();
    if (d == null || d.isNaN() || d.isInfinite()) {
      out.append("null");
    } else {
      out.append(String.format(Locale.ROOT, "%.1f", d));
    }
    return this;
  }

  public JsonWriter nullValue() {
    beforeValue();
    out.append("null");
    return this;
  }

  public JsonWriter stringArray(Collection<String> values) {
    beginArray();
    for (String v : values) {
      value(v);
    }
    return endArray();
  }

  private void beforeValue() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (depth > 0) {
      if (hasValue[depth]) {
        out.append(',');
      }
      hasValue[depth] = true;
    }
  }

  private void push() {
    depth++;
    if (depth == hasValue.length) {
      boolean[] bigger = new boolean[depth * 2];
      System.arraycopy(hasValue, 0, bigger, 0, depth);
      hasValue = bigger;
    }
    hasValue[depth] = false;
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
