package dev.greenlight.gate.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.gate.auth.Principal;
import dev.greenlight.gate.auth.Role;
import dev.greenlight.gate.decision.EvidenceKind;
import dev.greenlight.gate.decision.Finding;
import dev.greenlight.gate.decision.MigrationReport;
import dev.greenlight.gate.decision.Severity;
import dev.greenlight.gate.decision.Sha256;
import dev.greenlight.gate.metrics.GateMetrics;
import dev.greenlight.gate.store.GateStore;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code PUT/GET /v1/apps/{app}/releases/{release}/lint-report} and {@code …/verify-report}. */
final class ReportResource {
  private final GateStore store;
  private final Access access;
  private final GateMetrics metrics;
  private final Clock clock;

  ReportResource(GateStore store, Access access, GateMetrics metrics, Clock clock) {
    this.store = store;
    this.access = access;
    this.metrics = metrics;
    this.clock = clock;
  }

  void register(Routes routes) {
    for (EvidenceKind kind : EvidenceKind.values()) {
      String path = "/v1/apps/{app}/releases/{release}/" + kind.wire() + "-report";
      routes.put(path, ctx -> put(ctx, kind));
      routes.get(path, ctx -> get(ctx, kind));
    }
  }

  private void put(Context ctx, EvidenceKind kind) {
    Principal who = access.write(ctx, Role.CI);
    String app = Exchange.name(ctx, "app");
    String release = Exchange.name(ctx, "release");
    byte[] body = Exchange.body(ctx, Exchange.REPORT);
    List<Finding> findings = parse(Json.parse(body));
    String text = Exchange.utf8(body);
    MigrationReport report =
        new MigrationReport(kind, release, Sha256.digest(body), findings, clock.instant());
    var event = store.putReport(report, app, text, who.name());
    metrics.count("greenlight_gate_evidence_writes_total", "kind", kind.wire() + "-report");
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("app", app);
    answer.put("release", release);
    answer.put("kind", kind.wire());
    answer.put("digest", report.digest());
    answer.put("findings", findings.size());
    answer.put("auditSeq", event.seq());
    Exchange.json(ctx, 200, answer);
  }

  private void get(Context ctx, EvidenceKind kind) {
    access.tokenRead(ctx);
    String app = Exchange.name(ctx, "app");
    String release = Exchange.name(ctx, "release");
    String body =
        store
            .reportBody(kind, app, release)
            .orElseThrow(
                () ->
                    new ApiError(
                        404,
                        "no " + kind.wire() + " report for " + app + " " + release,
                        "release"));
    ctx.status(200).contentType("application/json").result(body);
  }

  /** Checks the report's shape (architecture.md's linter report) and extracts its findings. */
  static List<Finding> parse(JsonNode root) {
    Fields.object(root, "");
    JsonNode tool = Fields.optionalObject(root, "", "tool");
    if (tool != null) {
      Fields.optionalText(tool, "tool", "name");
      Fields.optionalText(tool, "tool", "version");
    }
    Fields.optionalLong(root, "", "postgresVersion", 0);
    JsonNode migrations = Fields.optionalArray(root, "", "migrations");
    if (migrations != null) {
      for (int i = 0; i < migrations.size(); i++) {
        String at = "migrations[" + i + "]";
        JsonNode m = Fields.object(migrations.get(i), at);
        Fields.optionalText(m, at, "path");
        Fields.optionalText(m, at, "version");
      }
    }
    Fields.optionalObject(root, "", "summary");
    JsonNode array = root.get("findings");
    if (array == null || array.isNull()) {
      throw ApiError.badRequest("missing field 'findings' (a lint or verify report)", "findings");
    }
    if (!array.isArray()) {
      throw ApiError.badRequest(
          "'findings' must be an array, not " + Fields.kind(array), "findings");
    }
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String at = "findings[" + i + "]";
      JsonNode f = Fields.object(array.get(i), at);
      String rule = Fields.requiredText(f, at, "rule");
      if (rule.isBlank()) {
        throw ApiError.badRequest("'" + at + ".rule' must not be empty", at + ".rule");
      }
      Severity severity =
          Fields.requiredEnum(f, at, "severity", Severity::parse, "error, warning, info");
      String message = Fields.requiredText(f, at, "message");
      String category = Fields.optionalText(f, at, "category").orElse(null);
      String path = Fields.optionalText(f, at, "path").orElse(null);
      long line = Fields.optionalLong(f, at, "line", 0).orElse(0L);
      if (line > Integer.MAX_VALUE) {
        throw ApiError.badRequest("'" + at + ".line' is too large", at + ".line");
      }
      boolean suppressed = Fields.optionalBoolean(f, at, "suppressed").orElse(false);
      findings.add(new Finding(rule, severity, category, message, path, (int) line, suppressed));
    }
    return findings;
  }
}
