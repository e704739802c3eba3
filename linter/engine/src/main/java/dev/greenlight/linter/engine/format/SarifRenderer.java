package dev.greenlight.linter.engine.format;

import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.Report;
import dev.greenlight.linter.report.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one run whose driver lists every reported rule
 * with its help, and one result per finding with a physical location and region.
 */
public final class SarifRenderer implements ReportRenderer {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  @Override
  public void render(Report report, RenderOptions options, Appendable out) {
    Map<String, RuleDoc> rules = new TreeMap<>();
    for (Finding f : report.findings()) {
      rules.computeIfAbsent(f.rule(), id -> describe(f, options.ruleDocs().apply(id)));
    }
    List<String> ruleIndex = new ArrayList<>(rules.keySet());

    JsonWriter json = new JsonWriter(out);
    json.beginObject();
    json.field("$schema", SCHEMA).field("version", "2.1.0");
    json.name("runs").beginArray().beginObject();
    json.name("tool").beginObject().name("driver").beginObject();
    json.field("name", report.toolName())
        .field("semanticVersion", report.toolVersion())
        .field("version", report.toolVersion());
    json.name("rules").beginArray();
    for (RuleDoc rule : rules.values()) {
      writeRule(rule, options, json);
    }
    json.endArray();
    json.endObject().endObject();
    json.field("columnKind", "utf16CodeUnits");
    json.name("properties").beginObject();
    json.field("postgresVersion", report.postgresVersion());
    json.endObject();
    json.name("results").beginArray();
    for (Finding f : report.findings()) {
      writeResult(f, ruleIndex.indexOf(f.rule()), json);
    }
    json.endArray();
    json.endObject().endArray();
    json.endObject();
  }

  private static RuleDoc describe(Finding first, Optional<RuleDoc> doc) {
    return doc.orElseGet(
        () ->
            new RuleDoc(
                first.rule(), first.rule(), first.help(), first.severity(), first.category()));
  }

  private static void writeRule(RuleDoc rule, RenderOptions options, JsonWriter json) {
    String url = options.ruleUrl(rule.id());
    String helpText = rule.help().isEmpty() ? rule.summary() : rule.help();
    String markdown =
        "**"
            + rule.id()
            + "**: "
            + rule.summary()
            + "\n\n"
            + helpText
            + (url.isEmpty() ? "" : "\n\n[Rule page](" + url + ")");
    json.beginObject().field("id", rule.id()).field("name", pascalCase(rule.id()));
    json.name("shortDescription").beginObject().field("text", rule.summary()).endObject();
    json.name("fullDescription").beginObject().field("text", rule.summary()).endObject();
    json.name("help").beginObject().field("text", helpText).field("markdown", markdown);
    json.endObject();
    if (!url.isEmpty()) {
      json.field("helpUri", url);
    }
    json.name("defaultConfiguration").beginObject();
    json.field("enabled", rule.defaultSeverity() != Severity.OFF);
    json.field("level", level(rule.defaultSeverity()));
    json.endObject();
    json.name("properties").beginObject();
    json.field("category", rule.category().id());
    json.name("tags").beginArray().value("greenlight").value(rule.category().id()).endArray();
    json.endObject();
    json.endObject();
  }

  private static void writeResult(Finding f, int ruleIndex, JsonWriter json) {
    String text = f.help().isEmpty() ? f.message() : f.message() + ". Help: " + f.help();
    json.beginObject()
        .field("ruleId", f.rule())
        .field("ruleIndex", ruleIndex)
        .field("level", level(f.severity()));
    json.name("message").beginObject().field("text", text).endObject();
    json.name("locations").beginArray().beginObject();
    json.name("physicalLocation").beginObject();
    json.name("artifactLocation").beginObject();
    json.field("uri", uri(f.path())).field("uriBaseId", "%SRCROOT%");
    json.endObject();
    json.name("region").beginObject();
    json.field("startLine", Math.max(1, f.line()))
        .field("startColumn", Math.max(1, f.column()))
        .field("endLine", Math.max(Math.max(1, f.line()), f.endLine()))
        // SARIF's end column is the column after the span; the report's is the last character.
        .field("endColumn", Math.max(1, f.endColumn()) + 1);
    json.endObject();
    json.endObject();
    json.endObject().endArray();
    json.name("partialFingerprints").beginObject();
    json.field("greenlightFinding/v1", GitlabRenderer.fingerprint(f));
    json.endObject();
    if (f.suppressed()) {
      json.name("suppressions").beginArray().beginObject();
      json.field("kind", "inSource").field("status", "accepted");
      json.endObject().endArray();
    }
    json.endObject();
  }

  static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
      case OFF -> "none";
    };
  }

  static String pascalCase(String id) {
    StringBuilder sb = new StringBuilder();
    for (String part : id.split("-")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.toString();
  }

  /** A relative URI reference for a path, with forward slashes and percent-encoding. */
  static String uri(String path) {
    String slashed = path.replace('\\', '/');
    try {
      return new URI(null, null, slashed, null).toASCIIString();
    } catch (URISyntaxException e) {
      return slashed;
    }
  }
}
