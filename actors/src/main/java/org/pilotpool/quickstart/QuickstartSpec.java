package org.pilotpool.quickstart;

import java.time.Duration;

/**
 * The quickstart pool: {@code slots} single-core slots fed by a Poisson stream of {@code jobs}
 * jobs with exponential run times, served first come, first served. An M/M/c queue, so its
 * figures can be checked against queueing theory (Erlang C).
 */
public record QuickstartSpec(int slots, int jobs, Duration meanInterarrival, Duration meanRuntime) {
  public QuickstartSpec {
    if (slots < 1 || jobs < 0) {
      throw new IllegalArgumentException("slots must be >= 1 and jobs >= 0");
    }
    if (meanInterarrival.isNegative() || meanInterarrival.isZero()
        || meanRuntime.isNegative() || meanRuntime.isZero()) {
      throw new IllegalArgumentException("mean interarrival and run times must be positive");
    }
  }

  /** Offered load per slot: the fraction of the pool busy in the long run. */
  public double utilization() {
    return (double) meanRuntime.toNanos() / meanInterarrival.toNanos() / slots;
  }
}
