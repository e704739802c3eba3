package dev.greenlight.linter.engine.format;

import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.MigrationInfo;
import dev.greenlight.linter.report.Report;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML, one test case per migration: findings at or above the fail level are failures, the
 * others are listed in the case's output, so CI test tabs show each migration as passed or failed.
 */
public final class JunitRenderer implements ReportRenderer {

  @Override
  public void render(Report report, RenderOptions options, Appendable out) throws IOException {
    Map<String, List<Finding>> byPath = new LinkedHashMap<>();
    for (MigrationInfo m : report.migrations()) {
      byPath.put(m.path(), new ArrayList<>());
    }
    for (Finding f : report.findings()) {
      byPath.computeIfAbsent(f.path(), p -> new ArrayList<>()).add(f);
    }
    int failed = 0;
    for (List<Finding> findings : byPath.values()) {
      if (findings.stream().anyMatch(f -> fails(f, options))) {
        failed++;
      }
    }
    String tests = Integer.toString(byPath.size());
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<testsuites name=\"greenlight\" tests=\"")
        .append(tests)
        .append("\" failures=\"")
        .append(Integer.toString(failed))
        .append("\" errors=\"0\">\n");
    out.append("  <testsuite name=\"greenlight lint\" tests=\"")
        .append(tests)
        .append("\" failures=\"")
        .append(Integer.toString(failed))
        .append("\" errors=\"0\" skipped=\"0\">\n");
    out.append("    <properties>\n");
    property(out, "postgresVersion", Integer.toString(report.postgresVersion()));
    property(out, "toolVersion", report.toolVersion());
    property(out, "failOn", options.failOn().id());
    out.append("    </properties>\n");
    for (Map.Entry<String, List<Finding>> entry : byPath.entrySet()) {
      testCase(entry.getKey(), entry.getValue(), options, out);
    }
    out.append("  </testsuite>\n</testsuites>\n");
  }

  private static void testCase(
      String path, List<Finding> findings, RenderOptions options, Appendable out)
      throws IOException {
    out.append("    <testcase classname=\"greenlight.lint\" name=\"")
        .append(escape(path))
        .append("\" file=\"")
        .append(escape(path))
        .append('"');
    if (findings.isEmpty()) {
      out.append("/>\n");
      return;
    }
    out.append(">\n");
    StringBuilder other = new StringBuilder();
    for (Finding f : findings) {
      String line = describe(f, options);
      if (fails(f, options)) {
        out.append("      <failure type=\"")
            .append(escape(f.rule()))
            .append("\" message=\"")
            .append(escape(f.message()))
            .append("\">")
            .append(escape(line))
            .append("</failure>\n");
      } else {
        other.append(line).append('\n');
      }
    }
    if (other.length() > 0) {
      out.append("      <system-out>").append(escape(other.toString())).append("</system-out>\n");
    }
    out.append("    </testcase>\n");
  }

  private static String describe(Finding f, RenderOptions options) {
    StringBuilder sb = new StringBuilder();
    sb.append(f.path())
        .append(':')
        .append(f.line())
        .append(':')
        .append(f.column())
        .append(": ")
        .append(f.severity().id())
        .append('[')
        .append(f.rule())
        .append("] ")
        .append(f.message());
    if (f.suppressed()) {
      sb.append(" (suppressed)");
    }
    if (!f.help().isEmpty()) {
      sb.append("\n  help: ").append(f.help());
    }
    String url = options.ruleUrl(f.rule());
    if (!url.isEmpty()) {
      sb.append("\n  see: ").append(url);
    }
    return sb.toString();
  }

  private static boolean fails(Finding f, RenderOptions options) {
    return !f.suppressed() && f.severity().atLeast(options.failOn());
  }

  private static void property(Appendable out, String name, String value) throws IOException {
    out.append("      <property name=\"")
        .append(escape(name))
        .append("\" value=\"")
        .append(escape(value))
        .append("\"/>\n");
  }

  /** XML text and attribute escaping; characters XML 1.0 forbids become U+FFFD. */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            sb.append('\uFFFD');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
