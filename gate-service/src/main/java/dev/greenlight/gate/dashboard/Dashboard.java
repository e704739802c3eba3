package dev.greenlight.gate.dashboard;

import dev.greenlight.gate.audit.AuditEvent;
import dev.greenlight.gate.audit.AuditQuery;
import dev.greenlight.gate.decision.AgentObservation;
import dev.greenlight.gate.decision.Decision;
import dev.greenlight.gate.decision.DecisionEngine;
import dev.greenlight.gate.decision.DecisionRequest;
import dev.greenlight.gate.decision.Policy;
import dev.greenlight.gate.decision.Reason;
import dev.greenlight.gate.evaluation.DecisionService;
import dev.greenlight.gate.store.AppEnv;
import dev.greenlight.gate.store.GateStore;
import dev.greenlight.gate.store.LiveState;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/** Renders the read-only dashboard: one section per app/env, then the latest audit events. */
public final class Dashboard {
  private final GateStore store;
  private final DecisionService decisions;
  private final Clock clock;
  private final List<AppEnv> configured;

  public Dashboard(
      GateStore store, DecisionService decisions, Clock clock, List<AppEnv> configured) {
    this.store = store;
    this.decisions = decisions;
    this.clock = clock;
    this.configured = List.copyOf(configured);
  }

  public String render(String viewer) {
    Instant now = clock.instant();
    TreeSet<AppEnv> appEnvs = new TreeSet<>(configured);
    appEnvs.addAll(store.appEnvs());
    StringBuilder h = new StringBuilder(8192);
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Greenlight gate</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}")
        .append(
            "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}")
        .append(
            ".allow{color:#176f2c}.deny{color:#b00020}.pending{color:#a15c00}.waived{text-decoration:line-through}")
        .append("section{border-top:2px solid #ddd;margin-top:1.5em}</style></head><body>")
        .append("<h1>Greenlight gate</h1><p id=\"generated\">Generated ")
        .append(esc(now.toString()))
        .append(" for ")
        .append(esc(viewer))
        .append(". Read-only.</p>");
    if (appEnvs.isEmpty()) {
      h.append("<p id=\"empty\">No app has reported evidence yet.</p>");
    }
    for (AppEnv ae : appEnvs) {
      section(h, ae, now);
    }
    h.append("<section id=\"audit\"><h2>Recent audit events</h2><table><tr><th>seq</th><th>at</th>")
        .append("<th>kind</th><th>app/env</th><th>release</th><th>subject</th><th>actor</th></tr>");
    for (AuditEvent e : store.audit(new AuditQuery(null, null, null, null, 0, 20, true))) {
      h.append("<tr class=\"audit-event\"><td>")
          .append(e.seq())
          .append("</td><td>")
          .append(esc(e.at().toString()))
          .append("</td><td>")
          .append(esc(e.kind()))
          .append("</td><td>")
          .append(
              esc(
                  e.app() == null
                      ? ""
                      : e.app() + (e.environment() == null ? "" : "/" + e.environment())))
          .append("</td><td>")
          .append(esc(e.release()))
          .append("</td><td>")
          .append(esc(e.subject()))
          .append("</td><td>")
          .append(esc(e.actor()))
          .append("</td></tr>");
    }
    h.append("</table></section></body></html>");
    return h.toString();
  }

  private void section(StringBuilder h, AppEnv ae, Instant now) {
    String id = ae.app() + "-" + ae.environment();
    LiveState live = decisions.liveState(ae.app(), ae.environment());
    Policy policy = decisions.policy(ae.app(), ae.environment());
    Decision d =
        decisions
            .decide(new DecisionRequest(ae.app(), ae.environment(), null, null), "dashboard")
            .decision();
    h.append("<section class=\"app-env\" id=\"")
        .append(esc(id))
        .append("\"><h2>")
        .append(esc(ae.app()))
        .append(" / ")
        .append(esc(ae.environment()))
        .append("</h2><p>Live slot: <b class=\"live-slot\">")
        .append(live.live().wire())
        .append("</b>")
        .append(
            live.switchedAt() == null
                ? " (never switched)"
                : " since " + esc(live.switchedAt().toString()))
        .append(". Candidate: <b class=\"candidate-slot\">")
        .append(d.slot().wire())
        .append("</b> running release <b class=\"candidate-release\">")
        .append(esc(d.release() == null ? "unknown" : d.release()))
        .append("</b>.</p><p>Decision <code class=\"decision-id\">")
        .append(esc(d.decisionId()))
        .append("</code>: <b class=\"verdict ")
        .append(d.verdict().wire())
        .append("\">")
        .append(d.verdict().wire().toUpperCase(java.util.Locale.ROOT))
        .append("</b> (valid until ")
        .append(esc(d.validUntil().toString()))
        .append(")</p><ul class=\"reasons\">");
    for (Reason r : d.reasons()) {
      h.append("<li class=\"reason ")
          .append(r.verdict().wire())
          .append(r.waived() ? " waived" : "")
          .append("\"><code>")
          .append(r.code().name())
          .append("</code> ")
          .append(esc(r.message()))
          .append(r.waived() ? " (waived by " + esc(r.waivedBy()) + ")" : "")
          .append("</li>");
    }
    h.append("</ul><table class=\"instances\"><tr><th>instance</th><th>slot</th><th>release</th>")
        .append("<th>warm-up</th><th>sessions</th><th>reported</th></tr>");
    for (AgentObservation a :
        DecisionEngine.considered(store.agents(ae.app(), ae.environment()), policy, now)) {
      boolean fresh = a.freshAt(now, policy.agentReportTtl());
      long age = now.getEpochSecond() - a.receivedAt().getEpochSecond();
      h.append("<tr class=\"instance\"><td>")
          .append(esc(a.instanceId()))
          .append("</td><td>")
          .append(a.slot().wire())
          .append("</td><td>")
          .append(esc(a.release()))
          .append("</td><td class=\"warmup\">")
          .append(a.warmup().name())
          .append("</td><td class=\"sessions\">")
          .append(a.sessionStorage().name())
          .append(", ")
          .append(a.activeSessions())
          .append(" active")
          .append(
              a.configuredStorage() == null || a.configuredStorage() == a.sessionStorage()
                  ? ""
                  : " (configured " + a.configuredStorage().name() + ")")
          .append("</td><td class=\"reported\">")
          .append(age)
          .append("s ago")
          .append(a.stopping() ? " <b>(stopped)</b>" : fresh ? "" : " <b>(stale)</b>")
          .append("</td></tr>");
    }
    h.append("</table></section>");
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
