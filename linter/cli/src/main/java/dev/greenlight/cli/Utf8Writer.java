package dev.greenlight.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The command line's stdout and stderr: a UTF-8 {@link PrintWriter} whatever the platform's default
 * charset, which can also take a whole rendered report as one string and write it as UTF-8 bytes in
 * one call. A report of 10 MB through a writer's encoder costs more than producing it.
 */
final class Utf8Writer extends PrintWriter {
  private final PrintStream stream;

  Utf8Writer(PrintStream stream, boolean autoFlush) {
    super(
        new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16),
        autoFlush);
    this.stream = stream;
  }

  /** Writes {@code text} as UTF-8 straight to the stream, after anything already written. */
  void writeWhole(String text) {
    flush();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    stream.write(bytes, 0, bytes.length);
    stream.flush();
  }
}
