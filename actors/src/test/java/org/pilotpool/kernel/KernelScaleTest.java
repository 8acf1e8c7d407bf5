package org.pilotpool.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pilotpool.kernel.load.ChatterLoad;

class KernelScaleTest {
  @Test
  void aSimulatedWeekOfTenThousandTimerDrivenActorsRunsToTheEnd() {
    var spec = new ChatterLoad.Spec(10_000, Duration.ofHours(1), 4);
    var counts = new ChatterLoad.Counts();
    Instant epoch = Instant.parse("2026-01-01T00:00:00Z");
    long t0 = System.nanoTime();
    SimulationResult result = Simulation.create(ConfigFactory.empty(), epoch)
        .run(ChatterLoad.create(spec, counts), Duration.ofDays(7), ProgressListener.NONE);
    System.out.printf("week x 10k actors: %.2f s wall, %d ticks, %d messages%n",
        (System.nanoTime() - t0) / 1e9, counts.ticks(), counts.messages());

    assertEquals(VirtualTimeKernel.Outcome.END_REACHED, result.outcome());
    assertEquals(Duration.ofDays(7), result.virtualElapsed());
    // Each actor ticks once an hour from a random phase within the first hour: 168 ticks in a week.
    assertEquals(10_000L * 168, counts.ticks());
    assertEquals(counts.ticks() * 4, counts.messages());
  }
}
