package org.pilotpool.replay;

import java.util.List;

/**
 * Told about every job of a replay as it happens, on the simulation thread, in virtual-time order.
 * Times are nanoseconds from the run's start. Listeners keep what they need in bounded memory
 * (running figures, a file written as it goes), never the jobs themselves.
 */
public interface ReplayListener {
  /** The job was handed to the pool. */
  void submitted(ReplayJob job, long atNanos);

  /** The job started on {@code slot}. */
  void started(ReplayJob job, long atNanos, String slot);

  /** The job ended. */
  void ended(ReplayJob job, long startNanos, long endNanos, String slot);

  /** The pool refused the job; it will never run. */
  void rejected(ReplayJob job, long atNanos, String reason);

  /** Tells each listener in turn, in the given order. */
  static ReplayListener all(List<ReplayListener> listeners) {
    List<ReplayListener> copy = List.copyOf(listeners);
    return new ReplayListener() {
      @Override
      public void submitted(ReplayJob job, long atNanos) {
        copy.forEach(l -> l.submitted(job, atNanos));
      }

      @Override
      public void started(ReplayJob job, long atNanos, String slot) {
        copy.forEach(l -> l.started(job, atNanos, slot));
      }

      @Override
      public void ended(ReplayJob job, long startNanos, long endNanos, String slot) {
        copy.forEach(l -> l.ended(job, startNanos, endNanos, slot));
      }

      @Override
      public void rejected(ReplayJob job, long atNanos, String reason) {
        copy.forEach(l -> l.rejected(job, atNanos, reason));
      }
    };
  }
}
