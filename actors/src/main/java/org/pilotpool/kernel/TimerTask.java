package org.pilotpool.kernel;

import org.apache.pekko.actor.Cancellable;

/** A scheduled runnable, optionally periodic; its due instant and sequence live in the {@link TimerQueue}. */
final class TimerTask implements Cancellable {
  final long periodNanos;
  // Let go at cancel: a cancelled timer waits in the queue for its due instant or the next purge,
  // and a Pekko timer's runnable holds its actor, whose whole state would wait with it (a stopped
  // starter per job, kept for the lifetime of its proxy).
  private Runnable runnable;
  // Volatile rather than locked: a cancel racing a fire is harmless (Pekko's timers drop stale
  // ticks by generation), and only start-up ever touches a timer from a second thread.
  private volatile boolean cancelled;
  private volatile boolean done;

  TimerTask(long periodNanos, Runnable runnable) {
    this.periodNanos = periodNanos;
    this.runnable = runnable;
  }

  @Override
  public boolean cancel() {
    if (cancelled || done) {
      return false;
    }
    runnable = null;
    cancelled = true;
    return true;
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  boolean isLive() {
    return !cancelled && !done;
  }

  void markDone() {
    done = true;
  }

  /** Runs the task unless it was cancelled meanwhile (only start-up has a second thread). */
  void run() {
    Runnable r = runnable;
    if (r != null) {
      r.run();
    }
  }
}
