package dev.greenlight.linter.engine.format;

import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.Report;
import dev.greenlight.linter.report.Summary;
import java.io.IOException;

/**
 * GitHub Actions workflow commands: one {@code ::error}/{@code ::warning}/{@code ::notice} line per
 * unsuppressed finding, which GitHub shows as annotations on the pull request.
 */
public final class GithubRenderer implements ReportRenderer {

  @Override
  public void render(Report report, RenderOptions options, Appendable out) throws IOException {
    for (Finding f : report.findings()) {
      if (f.suppressed()) {
        continue;
      }
      String command =
          switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            default -> "notice";
          };
      out.append("::")
          .append(command)
          .append(" file=")
          .append(property(f.path()))
          .append(",line=")
          .append(Integer.toString(f.line()))
          .append(",col=")
          .append(Integer.toString(f.column()))
          .append(",endLine=")
          .append(Integer.toString(f.endLine()))
          .append(",endColumn=")
          .append(Integer.toString(f.endColumn()))
          .append(",title=")
          .append(property(f.rule()))
          .append("::");
      StringBuilder message = new StringBuilder(f.message());
      if (!f.help().isEmpty()) {
        message.append("\nhelp: ").append(f.help());
      }
      String url = options.ruleUrl(f.rule());
      if (!url.isEmpty()) {
        message.append("\nsee: ").append(url);
      }
      out.append(data(message.toString())).append('\n');
    }
    Summary s = report.summary();
    out.append("greenlight: ")
        .append(plural(s.errors(), "error"))
        .append(", ")
        .append(plural(s.warnings(), "warning"))
        .append(", ")
        .append(plural(s.infos(), "info"))
        .append(" in ")
        .append(plural(s.files(), "file"))
        .append('\n');
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  /** Escapes a command's message as the runner expects. */
  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a command property value (also {@code :} and {@code ,}). */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
