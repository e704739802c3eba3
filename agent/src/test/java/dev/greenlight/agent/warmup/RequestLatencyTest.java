package dev.greenlight.agent.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RequestLatencyTest {
  @Test
  void bucketsAreWithinAFifthOfTheValue() {
    for (long nanos :
        new long[] {
          5, 17, 250, 999, 1_700, 4_000_000, 12_345_678, 1_000_000_000, 90_000_000_000L
        }) {
      double mid = RequestLatency.bucketNanos(RequestLatency.bucket(nanos));
      assertThat(mid).as("%d ns", nanos).isCloseTo(nanos, within(nanos * 0.2));
    }
  }

  @Test
  void percentileOfDrainedCounts() {
    RequestLatency.drain();
    for (int i = 0; i < 95; i++) {
      RequestLatency.record(2_000_000);
    }
    for (int i = 0; i < 5; i++) {
      RequestLatency.record(50_000_000);
    }
    long[] counts = RequestLatency.drain();
    assertThat(RequestLatency.count(counts)).isEqualTo(100);
    assertThat(RequestLatency.percentileMillis(counts, 0.95)).isCloseTo(2.0, within(0.4));
    assertThat(RequestLatency.percentileMillis(counts, 0.99)).isCloseTo(50.0, within(10.0));
    assertThat(RequestLatency.count(RequestLatency.drain())).isZero();
  }
}
