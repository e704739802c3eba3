package dev.greenlight.linter.engine.format;

import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.MigrationInfo;
import dev.greenlight.linter.report.Report;
import dev.greenlight.linter.report.Summary;
import java.util.List;
import java.util.stream.IntStream;

/** The report as the JSON contract of the architecture (field names are fixed). */
public final class JsonRenderer implements ReportRenderer {
  /** From this many findings on, they are rendered in parallel slices. */
  static final int PARALLEL_FROM = 4000;

  @Override
  public void render(Report report, RenderOptions options, Appendable out) {
    render(report, out, PARALLEL_FROM);
  }

  /**
   * Renders with findings in parallel slices from {@code parallelFrom} findings on (tests vary it).
   */
  void render(Report report, Appendable out, int parallelFrom) {
    JsonWriter json = new JsonWriter(out);
    json.beginObject();
    json.name("tool").beginObject();
    json.field("name", report.toolName()).field("version", report.toolVersion());
    json.endObject();
    json.field("postgresVersion", report.postgresVersion());
    json.name("migrations").beginArray();
    for (MigrationInfo m : report.migrations()) {
      json.beginObject()
          .field("path", m.path())
          .field("version", m.version())
          .field("description", m.description())
          .field("checksum", m.checksum())
          .field("transactional", m.transactional())
          .field("statements", m.statements())
          .field("unparsed", m.unparsed())
          .endObject();
    }
    json.endArray();
    json.name("findings").beginArray();
    List<Finding> findings = report.findings();
    if (findings.size() < parallelFrom) {
      findings(json, findings);
    } else {
      // Large reports (10 MB for 17,000 findings) are rendered in slices on all cores.
      int slices = Math.max(2, Runtime.getRuntime().availableProcessors() * 4);
      int per = (findings.size() + slices - 1) / slices;
      int depth = json.depth();
      boolean first = json.atFirst();
      String[] parts =
          IntStream.range(0, slices)
              .parallel()
              .mapToObj(
                  i -> {
                    List<Finding> slice =
                        findings.subList(
                            Math.min(findings.size(), i * per),
                            Math.min(findings.size(), (i + 1) * per));
                    StringBuilder text = new StringBuilder(slice.size() * 700);
                    findings(JsonWriter.elementsAt(depth, first && i == 0, text), slice);
                    return text.toString();
                  })
              .toArray(String[]::new);
      for (String part : parts) {
        json.elements(part);
      }
    }
    json.endArray();
    Summary s = report.summary();
    json.name("summary").beginObject();
    json.field("files", s.files())
        .field("statements", s.statements())
        .field("errors", s.errors())
        .field("warnings", s.warnings())
        .field("infos", s.infos())
        .field("unparsed", s.unparsed());
    json.endObject();
    json.endObject();
  }

  private static void findings(JsonWriter json, List<Finding> findings) {
    for (Finding f : findings) {
      json.beginObject()
          .field("rule", f.rule())
          .field("severity", f.severity().id())
          .field("category", f.category().id())
          .field("message", f.message())
          .field("help", f.help())
          .field("path", f.path())
          .field("line", f.line())
          .field("column", f.column())
          .field("endLine", f.endLine())
          .field("endColumn", f.endColumn())
          .field("suppressed", f.suppressed())
          .endObject();
    }
  }
}
