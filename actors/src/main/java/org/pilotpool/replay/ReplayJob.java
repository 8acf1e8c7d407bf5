package org.pilotpool.replay;

import java.util.Objects;
import org.pilotpool.model.trace.TraceJob;

/**
 * A trace job on its way through a replay.
 *
 * @param sequence 1-based position in submit order, a stable id independent of the trace's ids
 * @param trace the job as the trace recorded it
 * @param submitNanos when it is submitted, from the run's start (the first job's submit time is 0)
 */
public record ReplayJob(long sequence, TraceJob trace, long submitNanos) {
  public ReplayJob {
    Objects.requireNonNull(trace, "trace");
    if (submitNanos < 0) {
      throw new IllegalArgumentException("submit before the run's start: " + submitNanos);
    }
  }

  /** The run time the trace recorded, which the pool replays. */
  public long runNanos() {
    return Math.round(trace.runSeconds() * 1e9);
  }

  /** Cores the job needs. */
  public int cpus() {
    return trace.requestCpus();
  }
}
