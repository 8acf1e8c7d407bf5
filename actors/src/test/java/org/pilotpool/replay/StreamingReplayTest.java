package org.pilotpool.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pilotpool.kernel.ProgressListener;
import org.pilotpool.kernel.Simulation;
import org.pilotpool.model.trace.JobOutcome;
import org.pilotpool.model.trace.TraceDiagnostics;
import org.pilotpool.model.trace.TraceJob;
import org.pilotpool.model.trace.TraceReader;

class StreamingReplayTest {
  private static final int JOBS = 100_000;

  /** Makes jobs on demand and counts how many it has made: a trace that was never in memory. */
  static final class GeneratedTrace implements TraceReader {
    private final SplittableRandom random = new SplittableRandom(5);
    private double submit;
    long made;

    @Override
    public boolean hasNext() {
      return made < JOBS;
    }

    @Override
    public TraceJob next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      made++;
      submit += -Math.log(1 - random.nextDouble()) * 10;
      double run = -Math.log(1 - random.nextDouble()) * 80;
      return new TraceJob(Long.toString(made), submit, run, 1, OptionalLong.empty(), "u1",
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
          OptionalDouble.of(1), JobOutcome.COMPLETED);
    }

    @Override
    public TraceDiagnostics diagnostics() {
      return new TraceDiagnostics("generated", made, made, Map.of());
    }

    @Override
    public void close() {}
  }

  @Test
  void aLongTraceIsReadOneJobAheadOfTheClock() {
    GeneratedTrace trace = new GeneratedTrace();
    ArrivalStream arrivals = new ArrivalStream(trace);
    ReplayStats stats = new ReplayStats(60_000_000_000L, 2_000);
    long[] mostAhead = {0};
    ReplayListener watch = new ReplayListener() {
      @Override
      public void submitted(ReplayJob job, long atNanos) {
        // Read ahead of what the pool has been given: at most the one job whose arrival is next.
        mostAhead[0] = Math.max(mostAhead[0], trace.made - job.sequence());
        assertTrue(arrivals.held() <= 1);
      }

      @Override
      public void started(ReplayJob job, long atNanos, String slot) {}

      @Override
      public void ended(ReplayJob job, long startNanos, long endNanos, String slot) {}

      @Override
      public void rejected(ReplayJob job, long atNanos, String reason) {}
    };
    var result = Simulation.create(ConfigFactory.empty(), Instant.parse("2026-01-01T00:00:00Z"))
        .run(Replay.create(arrivals, FcfsReplayPool.create(10), ReplayListener.all(java.util.List.of(watch, stats))),
            Duration.ofDays(3650), ProgressListener.NONE);
    stats.finish(result.virtualElapsed().toNanos());
    assertEquals(JOBS, stats.ended());
    assertTrue(mostAhead[0] <= 1, "read " + mostAhead[0] + " jobs ahead of the pool");
    assertTrue(stats.series().size() <= 2_000, "series points: " + stats.series().size());
  }
}
