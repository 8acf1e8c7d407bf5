package org.pilotpool.kernel;

import org.apache.pekko.actor.Cancellable;

/** A scheduled runnable, optionally periodic; its due instant and sequence live in the {@link TimerQueue}. */
final class TimerTask implements Cancellable {
  final Runnable runnable;
  final long periodNanos;
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
}
