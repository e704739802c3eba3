package dev.greenlight.linter.engine.format;

import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.Report;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * GitLab Code Quality JSON: an array of issues with {@code check_name}, {@code fingerprint}, {@code
 * severity} and a location, shown in merge request widgets. Suppressed findings are left out.
 */
public final class GitlabRenderer implements ReportRenderer {

  @Override
  public void render(Report report, RenderOptions options, Appendable out) {
    JsonWriter json = new JsonWriter(out);
    json.beginArray();
    for (Finding f : report.findings()) {
      if (f.suppressed()) {
        continue;
      }
      String description = f.help().isEmpty() ? f.message() : f.message() + ". " + f.help();
      json.beginObject()
          .field("type", "issue")
          .field("check_name", f.rule())
          .field("description", description)
          .name("categories")
          .beginArray()
          .value(category(f))
          .endArray()
          .field("severity", severity(f))
          .field("fingerprint", fingerprint(f));
      json.name("location").beginObject().field("path", f.path());
      json.name("positions").beginObject();
      json.name("begin").beginObject().field("line", f.line()).field("column", f.column());
      json.endObject();
      json.name("end").beginObject().field("line", f.endLine()).field("column", f.endColumn());
      json.endObject();
      json.endObject();
      json.endObject();
      json.endObject();
    }
    json.endArray();
  }

  private static String severity(Finding f) {
    return switch (f.severity()) {
      case ERROR -> "critical";
      case WARNING -> "minor";
      default -> "info";
    };
  }

  private static String category(Finding f) {
    return switch (f.category()) {
      case LOCK, OBSERVED -> "Performance";
      case COMPAT -> "Compatibility";
      case RUNNER -> "Bug Risk";
      case HYGIENE -> "Style";
      case META -> "Clarity";
    };
  }

  /** Stable across runs for the same finding, so GitLab can tell new issues from fixed ones. */
  static String fingerprint(Finding f) {
    String key =
        f.rule()
            + '\u0000'
            + f.path()
            + '\u0000'
            + f.line()
            + ':'
            + f.column()
            + '\u0000'
            + f.message();
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md5.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides MD5", e);
    }
  }
}
