package dev.greenlight.agent.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The verdict logic on synthetic latency series; the clock is the input's second counter. */
class WarmupJudgeTest {
  private final WarmupJudge judge = new WarmupJudge(WarmupThresholds.defaults());

  /**
   * Per-second p95 from a function, 20 requests a second, from second {@code from} to {@code now}.
   */
  static List<LatencyPoint> series(long from, long now, LongToDoubleFunction p95) {
    List<LatencyPoint> points = new ArrayList<>();
    for (long s = from; s <= now; s++) {
      points.add(new LatencyPoint(s, 20, p95.applyAsDouble(s)));
    }
    return points;
  }

  static WarmupInput input(long now, List<LatencyPoint> latency, double jit) {
    return input(now, latency, jit, 40.0, 1.0);
  }

  static WarmupInput input(
      long now, List<LatencyPoint> latency, double jit, double codeCache, double gc) {
    long total = latency.stream().mapToLong(LatencyPoint::requests).sum();
    Long first = latency.isEmpty() ? null : latency.get(0).second();
    return new WarmupInput(now, now, latency, first, total, jit, 10.0, 2.0, gc, codeCache, 0.0);
  }

  @Test
  void flatLatencyWithQuietJitIsWarm() {
    WarmupAssessment a = judge.judge(input(60, series(5, 60, s -> 5.0), 2));
    assertThat(a.verdict()).isEqualTo(WarmupVerdict.WARM);
    assertThat(a.reasons().get(0)).isEqualTo("p95 5.0 ms stable for 56 s");
    assertThat(a.changepoints()).isZero();
    assertThat(a.lastChangepointSecondsAgo()).isNull();
  }

  @Test
  void warmsUpAfterTheLatencyStepAndOnlyOnceTheNewLevelLasted() {
    LongToDoubleFunction step = s -> s < 20 ? 50.0 : 5.0;
    WarmupAssessment during = judge.judge(input(35, series(1, 35, step), 2));
    assertThat(during.verdict()).isEqualTo(WarmupVerdict.WARMING);
    assertThat(during.lastChangepointSecondsAgo()).isEqualTo(15);
    assertThat(during.reasons())
        .containsExactly(
            "latency level changed 15 s ago (p95 now 5.0 ms); waiting for 30 s of stable latency");

    WarmupAssessment after = judge.judge(input(55, series(1, 55, step), 2));
    assertThat(after.verdict()).isEqualTo(WarmupVerdict.WARM);
    assertThat(after.p95Ms()).isCloseTo(5.0, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void neverWarmBeforeTheConvergenceTimeOnNoisyData() {
    Random random = new Random(42);
    double[] noise = new double[200];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = 1 + 0.1 * random.nextGaussian();
    }
    LongToDoubleFunction noisy = s -> (s < 60 ? 30.0 - s * 0.3 : 12.0) * noise[(int) s];
    for (long now = 10; now < 60; now++) {
      assertThat(judge.judge(input(now, series(1, now, noisy), 2)).verdict())
          .as("second %d", now)
          .isNotEqualTo(WarmupVerdict.WARM);
    }
    assertThat(judge.judge(input(130, series(1, 130, noisy), 2)).verdict())
        .isEqualTo(WarmupVerdict.WARM);
  }

  @Test
  void jitStillCompilingKeepsItWarming() {
    WarmupAssessment a = judge.judge(input(60, series(1, 60, s -> 5.0), 41));
    assertThat(a.verdict()).isEqualTo(WarmupVerdict.WARMING);
    assertThat(a.reasons()).containsExactly("jit compile rate 41 ms/s > 15 ms/s");
  }

  @Test
  void aFinalLevelClearlySlowerThanAnEarlierOneIsASlowdown() {
    WarmupAssessment a = judge.judge(input(90, series(1, 90, s -> s < 45 ? 5.0 : 9.0), 2));
    assertThat(a.verdict()).isEqualTo(WarmupVerdict.DEGRADED);
    assertThat(a.reasons().get(0)).contains("80% above the 5.0 ms reached earlier (slowdown)");
  }

  @Test
  void levelsThatKeepMovingUpAndDownAreNoSteadyState() {
    WarmupAssessment a =
        judge.judge(input(120, series(1, 120, s -> (s / 12) % 2 == 0 ? 5.0 : 12.0), 2));
    assertThat(a.verdict()).isEqualTo(WarmupVerdict.NO_STEADY_STATE);
    assertThat(a.reasons().get(0)).startsWith("latency changed level");
  }

  @Test
  void givesUpAfterTheConfiguredTimeOfTraffic() {
    WarmupAssessment a = judge.judge(input(700, series(1, 700, s -> 5.0), 30));
    assertThat(a.verdict()).isEqualTo(WarmupVerdict.NO_STEADY_STATE);
    assertThat(a.reasons()).contains("still not steady after 699 s of traffic");
  }

  @Test
  void fullCodeCacheOrGcThrashingIsDegraded() {
    WarmupAssessment cache = judge.judge(input(60, series(1, 60, s -> 5.0), 2, 96.5, 1));
    assertThat(cache.verdict()).isEqualTo(WarmupVerdict.DEGRADED);
    assertThat(cache.reasons())
        .containsExactly("code cache 96.5% used >= 95%: the JIT stops compiling");
    WarmupAssessment gc = judge.judge(input(60, series(1, 60, s -> 5.0), 2, 40, 35));
    assertThat(gc.verdict()).isEqualTo(WarmupVerdict.DEGRADED);
    assertThat(gc.reasons()).containsExactly("GC takes 35.0% of the time >= 20%");
  }

  @Test
  void tooEarlyOrTooLittleTrafficIsInsufficientData() {
    WarmupAssessment early = judge.judge(input(5, series(1, 5, s -> 5.0), 2));
    assertThat(early.verdict()).isEqualTo(WarmupVerdict.INSUFFICIENT_DATA);
    assertThat(early.reasons().get(0)).isEqualTo("uptime 5 s < 10 s");

    List<LatencyPoint> sparse = new ArrayList<>();
    for (long s = 1; s <= 60; s += 10) {
      sparse.add(new LatencyPoint(s, 3, 5.0));
    }
    WarmupAssessment idle = judge.judge(input(60, sparse, 2));
    assertThat(idle.verdict()).isEqualTo(WarmupVerdict.INSUFFICIENT_DATA);
    assertThat(idle.reasons().get(0)).startsWith("18 requests in 6 seconds with traffic");
    WarmupAssessment none = judge.judge(input(60, List.of(), 2));
    assertThat(none.verdict()).isEqualTo(WarmupVerdict.INSUFFICIENT_DATA);
  }

  @Test
  void oldDataOutsideTheWindowIsForgotten() {
    // A slow phase 200 s ago is no longer evidence either way.
    WarmupAssessment a = judge.judge(input(300, series(1, 300, s -> s < 100 ? 80.0 : 5.0), 2));
    assertThat(a.verdict()).isEqualTo(WarmupVerdict.WARM);
    assertThat(a.changepoints()).isZero();
  }

  @Test
  void reasonsNeverContradictThemselvesWhenRounded() {
    WarmupAssessment barely = judge.judge(input(60, series(5, 60, s -> 5.0), 15.004));
    assertThat(barely.verdict()).isEqualTo(WarmupVerdict.WARMING);
    assertThat(barely.reasons()).containsExactly("jit compile rate 15.004 ms/s > 15 ms/s");
    WarmupAssessment half = judge.judge(input(60, series(5, 60, s -> 5.0), 15.4));
    assertThat(half.reasons()).containsExactly("jit compile rate 15.4 ms/s > 15 ms/s");
    WarmupAssessment atLimit = judge.judge(input(60, series(5, 60, s -> 5.0), 14.96));
    assertThat(atLimit.verdict()).isEqualTo(WarmupVerdict.WARM);
    assertThat(atLimit.reasons()).contains("jit compile rate 15.0 ms/s <= 15 ms/s");

    // A fractional threshold is printed as configured, never rounded up to look exceeded.
    assertThat(
            WarmupJudge.compared(
                "class loading %s classes/s > %s classes/s", 20.26, 20.25, true, 1))
        .isEqualTo("class loading 20.26 classes/s > 20.25 classes/s");
    assertThat(WarmupJudge.compared("GC %s%% >= %s%%", 95.5, 95.5, false, 1))
        .isEqualTo("GC 95.5% >= 95.5%");
    for (double jit = 15.0001; jit < 16; jit += 0.0373) {
      String reason = WarmupJudge.compared("%s > %s", jit, 15, true, 0);
      String[] numbers = reason.split(" > ");
      assertThat(Double.parseDouble(numbers[0]))
          .as(reason)
          .isGreaterThan(Double.parseDouble(numbers[1]));
    }
  }
}
