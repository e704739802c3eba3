package dev.greenlight.linter.engine.format;

import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.MigrationInfo;
import dev.greenlight.linter.report.Report;
import dev.greenlight.linter.report.Summary;

/** The report as the JSON contract of the architecture (field names are fixed). */
public final class JsonRenderer implements ReportRenderer {

  @Override
  public void render(Report report, RenderOptions options, Appendable out) {
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
    for (Finding f : report.findings()) {
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
}
