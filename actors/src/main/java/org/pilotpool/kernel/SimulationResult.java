package org.pilotpool.kernel;

import java.time.Duration;
import java.time.Instant;

/**
 * How a simulation run ended.
 *
 * @param outcome why it stopped
 * @param start the virtual epoch
 * @param reached the virtual instant reached
 * @param tasks dispatcher tasks run (mailbox runs)
 * @param timersFired timers fired
 */
public record SimulationResult(
    VirtualTimeKernel.Outcome outcome, Instant start, Instant reached, long tasks, long timersFired) {

  public Duration virtualElapsed() {
    return Duration.between(start, reached);
  }

  public long events() {
    return tasks + timersFired;
  }
}
