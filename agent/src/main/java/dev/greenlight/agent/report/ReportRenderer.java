package dev.greenlight.agent.report;

import dev.greenlight.agent.json.JsonWriter;
import dev.greenlight.agent.session.SessionSnapshot;
import dev.greenlight.agent.warmup.WarmupAssessment;
import dev.greenlight.agent.warmup.WarmupVerdict;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;

/** Renders the agent report and the readiness answer (field names fixed by the contract). */
public final class ReportRenderer {
  private ReportRenderer() {}

  /**
   * The agent report; a null warm-up means the monitor has not run yet. {@code stopping} is true
   * only in the report a JVM sends while it shuts down.
   */
  public static String report(
      AgentIdentity id,
      Instant observedAt,
      long uptimeSeconds,
      WarmupAssessment warmup,
      SessionSnapshot sessions,
      int sqlDistinct,
      boolean sqlTruncated,
      int instrumentationErrors,
      boolean stopping) {
    JsonWriter w = new JsonWriter().beginObject();
    w.name("app").value(id.app);
    w.name("environment").value(id.environment);
    w.name("slot").value(id.slot);
    w.name("release").value(id.release);
    w.name("instanceId").value(id.instanceId);
    w.name("observedAt").value(observedAt.truncatedTo(ChronoUnit.SECONDS).toString());
    w.name("uptimeSeconds").value(uptimeSeconds);
    w.name("stopping").value(stopping);
    w.name("warmup");
    warmup(w, warmup);
    w.name("sessions");
    sessions(w, sessions);
    w.name("sql").beginObject();
    w.name("distinct").value(sqlDistinct);
    w.name("truncated").value(sqlTruncated);
    w.endObject();
    w.name("agent").beginObject();
    w.name("version").value(AgentVersion.VERSION);
    w.name("instrumentationErrors").value(instrumentationErrors);
    w.endObject();
    return w.endObject().toString();
  }

  private static void warmup(JsonWriter w, WarmupAssessment a) {
    w.beginObject();
    if (a == null) {
      w.name("verdict").value(WarmupVerdict.INSUFFICIENT_DATA.name());
      w.name("reasons").stringArray(Collections.singletonList("the agent is starting"));
      w.name("signals").beginObject().endObject();
      w.endObject();
      return;
    }
    w.name("verdict").value(a.verdict().name());
    w.name("reasons").stringArray(a.reasons());
    w.name("signals").beginObject();
    w.name("jitMsPerSec").value(a.jitMsPerSec());
    w.name("compiledMethodsPerSec").value(a.compiledMethodsPerSec());
    w.name("classesLoadedPerSec").value(a.classesLoadedPerSec());
    w.name("codeCacheUsedPct").value(a.codeCacheUsedPct());
    w.name("gcTimePct").value(a.gcTimePct());
    w.name("cpuThrottledPct").value(a.cpuThrottledPct());
    w.name("requests").value(a.requests());
    w.name("p95Ms").value(Double.isNaN(a.p95Ms()) ? null : a.p95Ms());
    if (a.lastChangepointSecondsAgo() == null) {
      w.name("lastChangepointSecondsAgo").nullValue();
    } else {
      w.name("lastChangepointSecondsAgo").value(a.lastChangepointSecondsAgo());
    }
    w.name("changepoints").value(a.changepoints());
    w.endObject();
    w.endObject();
  }

  private static void sessions(JsonWriter w, SessionSnapshot s) {
    w.beginObject();
    w.name("storage").value(s.storage.name());
    w.name("configuredStorage").value(s.configuredStorage.name());
    w.name("manager").value(s.manager);
    w.name("server").value(s.server);
    w.name("active").value(s.active);
    w.name("activeCounted").value(s.activeCounted);
    w.name("attributes").value(s.attributes);
    w.name("estimatedBytes").value(s.estimatedBytes);
    w.name("nonSerializableAttributes").value(s.nonSerializableAttributes);
    w.name("sampledSessions").value(s.sampledSessions);
    if (s.error != null) {
      w.name("error").value(s.error);
    }
    w.endObject();
  }

  /** Readiness in the Spring Boot / MicroProfile Health shape; the status decides 200 or 503. */
  public static String readiness(WarmupAssessment a) {
    String status = readinessStatus(a);
    JsonWriter w = new JsonWriter().beginObject();
    w.name("status").value(status);
    w.name("checks").beginArray();
    w.beginObject();
    w.name("name").value("warmup");
    w.name("status").value(status);
    w.name("data").beginObject();
    w.name("verdict")
        .value(a == null ? WarmupVerdict.INSUFFICIENT_DATA.name() : a.verdict().name());
    w.name("reasons")
        .stringArray(a == null ? Collections.singletonList("the agent is starting") : a.reasons());
    w.endObject();
    w.endObject();
    w.endArray();
    return w.endObject().toString();
  }

  /** UP when warm; DOWN when the JVM is in trouble; OUT_OF_SERVICE while it may still get warm. */
  public static String readinessStatus(WarmupAssessment a) {
    if (a == null) {
      return "OUT_OF_SERVICE";
    }
    switch (a.verdict()) {
      case WARM:
        return "UP";
      case DEGRADED:
      case NO_STEADY_STATE:
        return "DOWN";
      default:
        return "OUT_OF_SERVICE";
    }
  }
}
