package dev.greenlight.linter.engine.format;

import dev.greenlight.linter.report.Report;
import java.io.IOException;

/** Writes one {@link Report} in one output format. */
public interface ReportRenderer {
  void render(Report report, RenderOptions options, Appendable out) throws IOException;

  /** Renders into a string. */
  default String renderToString(Report report, RenderOptions options) {
    // Sized for the report up front: a 10 MB report grown from 16 chars is copied twenty times.
    StringBuilder sb =
        new StringBuilder(
            (int)
                Math.min(
                    Integer.MAX_VALUE - 16,
                    4096L + 700L * report.findings().size() + 320L * report.migrations().size()));
    try {
      render(report, options, sb);
    } catch (IOException e) {
      throw new IllegalStateException("a StringBuilder does not fail", e);
    }
    return sb.toString();
  }
}
