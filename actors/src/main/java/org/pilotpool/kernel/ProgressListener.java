package org.pilotpool.kernel;

/**
 * Told how far a run has got. The kernel calls it often and cheaply; the listener decides (by its
 * own wall clock) whether to draw anything, so the kernel itself never reads the wall clock.
 */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (virtualNanos, endNanos, events) -> {};

  /**
   * @param virtualNanos virtual time reached, since the epoch
   * @param endNanos the virtual end of the run, since the epoch
   * @param events tasks run plus timers fired so far
   */
  void onProgress(long virtualNanos, long endNanos, long events);
}
