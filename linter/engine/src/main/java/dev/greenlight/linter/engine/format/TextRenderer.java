package dev.greenlight.linter.engine.format;

import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.Report;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.report.Summary;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Human-readable findings: a header per finding, a code frame with the span underlined, the help
 * and a link to the rule page; then a one-line summary.
 */
public final class TextRenderer implements ReportRenderer {
  private static final int MAX_FRAME_LINES = 6;
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String BLUE = "\u001b[34m";
  private static final String CYAN = "\u001b[36m";

  @Override
  public void render(Report report, RenderOptions options, Appendable out) throws IOException {
    Paint paint = new Paint(options.color());
    Map<String, String[]> linesByPath = new HashMap<>();
    int suppressed = 0;
    for (Finding f : report.findings()) {
      if (f.suppressed()) {
        suppressed++;
        continue;
      }
      String colour = colourOf(f.severity());
      out.append(paint.wrap(BOLD, f.path() + ":" + f.line() + ":" + f.column() + ": "))
          .append(paint.wrap(BOLD + colour, f.severity().id() + "[" + f.rule() + "]"))
          .append(' ')
          .append(paint.wrap(BOLD, f.message()))
          .append('\n');
      String[] lines =
          linesByPath.computeIfAbsent(
              f.path(),
              p -> {
                Optional<String> text = options.sources().apply(p);
                return text.map(t -> t.split("\r\n|\n|\r", -1)).orElse(null);
              });
      if (lines != null && f.line() >= 1 && f.line() <= lines.length) {
        frame(f, lines, paint, colour, out);
      }
      if (!f.help().isEmpty()) {
        out.append("  ").append(paint.wrap(CYAN, "= help:")).append(' ').append(f.help());
        out.append('\n');
      }
      // The rule page: online when a base URL is configured, else the packaged copy.
      String url = options.ruleUrl(f.rule());
      String page = url.isEmpty() ? "greenlight explain " + f.rule() : url;
      out.append("  ").append(paint.wrap(CYAN, "= see:")).append(' ').append(page).append('\n');
      out.append('\n');
    }
    out.append(summaryLine(report.summary(), suppressed, paint)).append('\n');
  }

  private static void frame(Finding f, String[] lines, Paint paint, String colour, Appendable out)
      throws IOException {
    int last = Math.max(f.line(), Math.min(f.endLine(), lines.length));
    int width = Integer.toString(last).length();
    String gutter = " ".repeat(width + 1) + "|";
    out.append(paint.wrap(BLUE, gutter)).append('\n');
    int shown = 0;
    for (int n = f.line(); n <= last; n++) {
      if (shown == MAX_FRAME_LINES - 1 && n < last) {
        out.append(paint.wrap(BLUE, " ".repeat(width + 1) + "…"))
            .append(paint.wrap(DIM, " " + (last - n) + " more lines"))
            .append('\n');
        n = last;
      }
      String text = lines[n - 1];
      String number = " ".repeat(width - Integer.toString(n).length()) + n;
      out.append(paint.wrap(BLUE, number + " |")).append(' ').append(text).append('\n');
      int from = n == f.line() ? f.column() : 1;
      int to = n == f.endLine() ? f.endColumn() : text.length();
      String marks = underline(text, from, to);
      if (!marks.isBlank()) {
        out.append(paint.wrap(BLUE, gutter)).append(' ').append(paint.wrap(colour, marks));
        out.append('\n');
      }
      shown++;
    }
  }

  /** Spaces (tabs kept, so the marks line up) up to {@code from}, then carets to {@code to}. */
  static String underline(String text, int from, int to) {
    StringBuilder sb = new StringBuilder();
    int start = Math.max(1, from);
    int end = Math.min(Math.max(to, start), Math.max(text.length(), start));
    for (int col = 1; col < start; col++) {
      sb.append(col <= text.length() && text.charAt(col - 1) == '\t' ? '\t' : ' ');
    }
    for (int col = start; col <= end; col++) {
      sb.append('^');
    }
    return sb.toString();
  }

  private static String summaryLine(Summary s, int suppressed, Paint paint) {
    String counts =
        plural(s.errors(), "error")
            + ", "
            + plural(s.warnings(), "warning")
            + ", "
            + plural(s.infos(), "info")
            + " in "
            + plural(s.files(), "file")
            + " ("
            + plural(s.statements(), "statement")
            + (s.unparsed() > 0 ? ", " + s.unparsed() + " unparsed" : "")
            + ")"
            + (suppressed > 0 ? "; " + suppressed + " suppressed" : "");
    String colour = s.errors() > 0 ? RED : s.warnings() > 0 ? YELLOW : "\u001b[32m";
    return paint.wrap(BOLD + colour, counts);
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  private static String colourOf(Severity severity) {
    return switch (severity) {
      case ERROR -> RED;
      case WARNING -> YELLOW;
      default -> BLUE;
    };
  }

  private record Paint(boolean enabled) {
    String wrap(String code, String text) {
      return enabled ? code + text + RESET : text;
    }
  }
}
