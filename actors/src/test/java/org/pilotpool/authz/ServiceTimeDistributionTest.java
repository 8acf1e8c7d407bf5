package org.pilotpool.authz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ServiceTimeDistributionTest {
  private static final Duration MEAN = Duration.ofMillis(1000);

  private static double sampleMeanMillis(ServiceTimeDistribution dist, int n) {
    SplittableRandom rng = new SplittableRandom(42);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += dist.sample(rng).toNanos() / 1e6;
    }
    return sum / n;
  }

  /** 100,000 draws: the sample mean's standard error is 1/sqrt(1e5) = 0.3% of the mean. */
  @Test
  void exponentialSamplesHaveTheConfiguredMean() {
    assertEquals(
        1000, sampleMeanMillis(new ServiceTimeDistribution.Exponential(MEAN), 100_000), 15);
  }

  /** sigma 0.8: coefficient of variation sqrt(e^0.64 - 1) = 0.95, standard error 0.3%. */
  @Test
  void logNormalSamplesHaveTheConfiguredMean() {
    assertEquals(
        1000, sampleMeanMillis(new ServiceTimeDistribution.LogNormal(MEAN, 0.8), 100_000), 15);
  }

  @Test
  void nonPositiveMeanIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ServiceTimeDistribution.Exponential(Duration.ZERO));
  }
}
