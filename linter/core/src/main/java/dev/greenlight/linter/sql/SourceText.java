package dev.greenlight.linter.sql;

import java.util.Arrays;

/**
 * Text that is lexed, with the means to turn local offsets into file {@link Span}s. A file's own
 * text maps offsets one to one; the unescaped content of a string literal ({@code EXECUTE '...'})
 * carries an offset map back into the file, so statements found inside it still point at the right
 * file positions.
 */
public final class SourceText {
  private final String text;
  private final int[] lineStarts;
  private final SourceText file;
  private final int[] fileOffsets;
  private int lineHint;

  private SourceText(String text, SourceText file, int[] fileOffsets) {
    this.text = text;
    this.file = file;
    this.fileOffsets = fileOffsets;
    this.lineStarts = file == null ? computeLineStarts(text) : null;
  }

  /** The decoded text of a whole file. */
  public static SourceText of(String text) {
    return new SourceText(text, null, null);
  }

  /**
   * Text derived from {@code file}: char {@code i} of {@code text} came from file offset {@code
   * fileOffsets[i]}; {@code fileOffsets[text.length()]} is the offset just past the last one.
   */
  public static SourceText derived(String text, SourceText file, int[] fileOffsets) {
    if (fileOffsets.length != text.length() + 1) {
      throw new IllegalArgumentException("offset map must have text.length() + 1 entries");
    }
    SourceText root = file.file == null ? file : file.file;
    int[] mapped = fileOffsets;
    if (file.file != null) {
      mapped = new int[fileOffsets.length];
      for (int i = 0; i < fileOffsets.length; i++) {
        mapped[i] = file.fileOffset(fileOffsets[i]);
      }
    }
    return new SourceText(text, root, mapped);
  }

  private static int[] computeLineStarts(String text) {
    int[] starts = new int[16];
    int n = 1;
    int len = text.length();
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= len || text.charAt(i + 1) != '\n'))) {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, n);
  }

  /** The text itself. */
  public String text() {
    return text;
  }

  /** The length of the text in chars. */
  public int length() {
    return text.length();
  }

  /** The whole file this text belongs to (itself for a file's own text). */
  public SourceText file() {
    return file == null ? this : file;
  }

  /** Whether this text is derived from a literal rather than being the file itself. */
  public boolean isDerived() {
    return file != null;
  }

  /** The file offset of local offset {@code offset}. */
  public int fileOffset(int offset) {
    return fileOffsets == null ? offset : fileOffsets[offset];
  }

  /** The 1-based line of a file offset. */
  public int lineOf(int fileOffset) {
    int[] starts = file().lineStarts;
    // Spans are mostly asked for in text order: try the line of the previous lookup first.
    int hint = file().lineHint;
    if (hint < starts.length
        && starts[hint] <= fileOffset
        && (hint + 1 == starts.length || starts[hint + 1] > fileOffset)) {
      return hint + 1;
    }
    int lo = 0;
    int hi = starts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= fileOffset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    file().lineHint = lo;
    return lo + 1;
  }

  /** The 1-based column of a file offset on its line. */
  public int columnOf(int fileOffset) {
    return fileOffset - file().lineStarts[lineOf(fileOffset) - 1] + 1;
  }

  /** The number of lines of the file. */
  public int lineCount() {
    return file().lineStarts.length;
  }

  /** The file span of local offsets {@code [start, end)}. */
  public Span span(int start, int end) {
    int fs = fileOffset(start);
    int fe = end > start ? fileOffset(end - 1) + 1 : fs;
    int line = lineOf(fs);
    int col = fs - file().lineStarts[line - 1] + 1;
    if (fe <= fs) {
      return new Span(fs, fs, line, col, line, col - 1);
    }
    int last = fe - 1;
    int endLine = lineOf(last);
    int endCol = last - file().lineStarts[endLine - 1] + 1;
    return new Span(fs, fe, line, col, endLine, endCol);
  }

  /** The file span of a single local offset, as used for error positions. */
  public Span point(int offset) {
    int fs = fileOffset(Math.min(offset, text.length()));
    int line = lineOf(fs);
    int col = fs - file().lineStarts[line - 1] + 1;
    return new Span(fs, fs, line, col, line, col);
  }
}
