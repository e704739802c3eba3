package dev.greenlight.agent.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ChangepointsTest {
  @Test
  void findsEachStepOfAStaircase() {
    double[] x = new double[90];
    for (int i = 0; i < x.length; i++) {
      x[i] = i < 30 ? 3.0 : i < 60 ? 2.0 : 1.5;
    }
    assertThat(Changepoints.detect(x, 5, Math.log(1.15), 0)).containsExactly(30, 60);
  }

  @Test
  void ignoresNoiseAndShiftsBelowTheMinimumEffect() {
    Random r = new Random(7);
    double[] noisy = new double[120];
    for (int i = 0; i < noisy.length; i++) {
      noisy[i] = Math.log(5) + 0.1 * r.nextGaussian() + (i >= 60 ? 0.05 : 0);
    }
    assertThat(Changepoints.detect(noisy, 5, Math.log(1.15), 0)).isEmpty();
  }

  @Test
  void aStepSmallerThanTheLinearFloorDoesNotCount() {
    double[] x = new double[60];
    for (int i = 0; i < x.length; i++) {
      // 2 µs to 3 µs in milliseconds: a 50% change nobody can feel.
      x[i] = Math.log(i < 30 ? 0.002 : 0.003);
    }
    assertThat(Changepoints.detect(x, 5, Math.log(1.15), 0)).containsExactly(30);
    assertThat(Changepoints.detect(x, 5, Math.log(1.15), 1.0)).isEmpty();
  }

  @Test
  void tooShortASeriesHasNoChangepoints() {
    assertThat(Changepoints.detect(new double[] {1, 9, 1, 9}, 5, 0.1, 0)).isEmpty();
  }
}
