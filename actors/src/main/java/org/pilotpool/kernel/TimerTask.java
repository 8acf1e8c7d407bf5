package org.pilotpool.kernel;

import org.apache.pekko.actor.Cancellable;

/** A scheduled runnable: fires at {@code due}, ties broken by {@code seq}, optionally periodic. */
final class TimerTask implements Cancellable, Comparable<TimerTask> {
  final Runnable runnable;
  final long periodNanos;
  long due;
  long seq;
  // Volatile rather than locked: a cancel racing a fire is harmless (Pekko's timers drop stale
  // ticks by generation), and only start-up ever touches a timer from a second thread.
  private volatile boolean cancelled;
  private volatile boolean done;

  TimerTask(long due, long periodNanos, Runnable runnable) {
    this.due = due;
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

  @Override
  public int compareTo(TimerTask o) {
    int byDue = Long.compare(due, o.due);
    return byDue != 0 ? byDue : Long.compare(seq, o.seq);
  }
}
