package dev.greenlight.agent.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replays a real recording through the judge: the bench sample service (embedded Tomcat 11) from a
 * cold start under wrk on a busy two-core machine, recorded by the agent itself with {@code
 * warmup-record=…}. Each second is judged with the defaults, as the agent would have.
 */
class RecordedWarmupTest {
  /** One recorded second. */
  record Row(
      long second,
      double uptime,
      long requests,
      double p95Ms,
      Double jit,
      Double classes,
      Double gc,
      Double codeCache) {}

  static List<Row> load(String resource) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = RecordedWarmupTest.class.getResourceAsStream(resource)) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      assertThat(lines[0]).isEqualTo(WarmupMonitor.RECORD_HEADER);
      for (int i = 1; i < lines.length; i++) {
        String[] c = lines[i].split("\t", -1);
        rows.add(
            new Row(
                Long.parseLong(c[0]),
                Double.parseDouble(c[1]),
                Long.parseLong(c[2]),
                Double.parseDouble(c[3]),
                cell(c[4]),
                cell(c[5]),
                cell(c[6]),
                cell(c[7])));
      }
    }
    return rows;
  }

  private static Double cell(String s) {
    return s.isEmpty() ? null : Double.valueOf(s);
  }

  /** The verdict the agent gives at every recorded second. */
  static List<WarmupAssessment> replay(List<Row> rows, WarmupThresholds thresholds) {
    WarmupJudge judge = new WarmupJudge(thresholds);
    List<LatencyPoint> points = new ArrayList<>();
    List<WarmupAssessment> verdicts = new ArrayList<>();
    Long firstTraffic = null;
    long total = 0;
    for (Row r : rows) {
      if (r.requests() > 0) {
        points.add(new LatencyPoint(r.second(), r.requests(), r.p95Ms()));
        total += r.requests();
        firstTraffic = firstTraffic == null ? r.second() : firstTraffic;
      }
      verdicts.add(
          judge.judge(
              new WarmupInput(
                  r.second(),
                  r.uptime(),
                  new ArrayList<>(points),
                  firstTraffic,
                  total,
                  r.jit(),
                  null,
                  r.classes(),
                  r.gc(),
                  r.codeCache(),
                  null)));
    }
    return verdicts;
  }

  @Test
  void coldTomcatUnderLoadIsNotWarmWhileTheJitIsBusyAndWarmOnceItSettled() throws IOException {
    List<Row> rows = load("recorded-tomcat-coldstart.tsv");
    List<WarmupAssessment> verdicts = replay(rows, WarmupThresholds.defaults());
    long firstTraffic =
        rows.stream().filter(r -> r.requests() > 0).findFirst().orElseThrow().second();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      WarmupVerdict v = verdicts.get(i).verdict();
      if (r.second() < firstTraffic + 9) {
        assertThat(v).as("second %d", r.second()).isEqualTo(WarmupVerdict.INSUFFICIENT_DATA);
      }
      if (r.second() < firstTraffic + 29 || (r.jit() != null && r.jit() > 15)) {
        assertThat(v)
            .as("second %d, jit %s ms/s", r.second(), r.jit())
            .isNotEqualTo(WarmupVerdict.WARM);
      }
      // The sub-millisecond service's p95 wobbles by microseconds: never a reason to deny.
      assertThat(v).isNotIn(WarmupVerdict.NO_STEADY_STATE, WarmupVerdict.DEGRADED);
    }
    // The recording's last 20 seconds: JIT quiet, latency flat.
    for (int i = rows.size() - 20; i < rows.size(); i++) {
      assertThat(verdicts.get(i).verdict())
          .as("second %d", rows.get(i).second())
          .isEqualTo(WarmupVerdict.WARM);
    }
  }
}
