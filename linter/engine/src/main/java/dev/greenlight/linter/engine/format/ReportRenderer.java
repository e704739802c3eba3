package dev.greenlight.linter.engine.format;

import dev.greenlight.linter.report.Report;
import java.io.IOException;

/** Writes one {@link Report} in one output format. */
public interface ReportRenderer {
  void render(Report report, RenderOptions options, Appendable out) throws IOException;

  /** Renders into a string. */
  default String renderToString(Report report, RenderOptions options) {
    StringBuilder sb = new StringBuilder();
    try {
      render(report, options, sb);
    } catch (IOException e) {
      throw new IllegalStateException("a StringBuilder does not fail", e);
    }
    return sb.toString();
  }
}
