package org.pilotpool.glexec.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.input.BadInputException;

class LatencyDistributionTest {

  @Test
  void uniformStaysWithinItsBounds() {
    LatencyDistribution uniform = new LatencyDistribution.Uniform(Duration.ofMillis(10), Duration.ofMillis(20));
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 1000; i++) {
      Duration d = uniform.sample(random);
      assertTrue(d.compareTo(Duration.ofMillis(10)) >= 0 && d.compareTo(Duration.ofMillis(20)) <= 0, d.toString());
    }
  }

  @Test
  void logNormalHasItsMedianInTheMiddle() {
    LatencyDistribution logNormal = new LatencyDistribution.LogNormal(Duration.ofMillis(30), 0.5);
    SplittableRandom random = new SplittableRandom(2);
    int below = 0;
    for (int i = 0; i < 2000; i++) {
      below += logNormal.sample(random).compareTo(Duration.ofMillis(30)) < 0 ? 1 : 0;
    }
    assertTrue(below > 900 && below < 1100, "samples below the median: " + below);
  }

  @Test
  void invertedUniformBoundsAreRejectedNamingTheKey() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> new LatencyDistribution.Uniform(Duration.ofMillis(20), Duration.ofMillis(10)));
    assertEquals(Optional.of("glexec.sim.local-latency"), e.key());
  }
}
