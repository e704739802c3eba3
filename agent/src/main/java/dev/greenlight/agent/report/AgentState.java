package dev.greenlight.agent.report;

import dev.greenlight.agent.instrument.TransformErrors;
import dev.greenlight.agent.session.SessionMonitor;
import dev.greenlight.agent.sql.SqlCapture;
import dev.greenlight.agent.warmup.WarmupAssessment;
import dev.greenlight.agent.warmup.WarmupMonitor;
import java.lang.management.ManagementFactory;
import java.time.Instant;

/** The latest findings of the background thread, read by the endpoint and the pusher. */
public final class AgentState {
  private final AgentIdentity identity;
  private final SessionMonitor sessions;
  private volatile WarmupMonitor warmup;

  public AgentState(AgentIdentity identity, SessionMonitor sessions) {
    this.identity = identity;
    this.sessions = sessions;
  }

  public void warmupMonitor(WarmupMonitor monitor) {
    this.warmup = monitor;
  }

  public WarmupAssessment warmup() {
    WarmupMonitor m = warmup;
    return m == null ? null : m.latest();
  }

  public String reportJson() {
    return reportJson(false);
  }

  /** The last report of a JVM that is shutting down. */
  public String stoppingReportJson() {
    return reportJson(true);
  }

  private String reportJson(boolean stopping) {
    SqlCapture sql = SqlCapture.get();
    return ReportRenderer.report(
        identity,
        Instant.now(),
        ManagementFactory.getRuntimeMXBean().getUptime() / 1000,
        warmup(),
        sessions.latest(),
        sql.distinct(),
        sql.truncated(),
        TransformErrors.count(),
        stopping);
  }

  public String readinessJson() {
    return ReportRenderer.readiness(warmup());
  }

  public boolean ready() {
    return "UP".equals(ReportRenderer.readinessStatus(warmup()));
  }

  public String sqlFile() {
    return SqlCapture.get().sqlFile();
  }
}
