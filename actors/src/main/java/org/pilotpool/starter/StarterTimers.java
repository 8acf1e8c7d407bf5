package org.pilotpool.starter;

import java.time.Duration;
import org.apache.pekko.actor.Cancellable;

/**
 * The starter's named timers: Pekko's keyed-timer rules (starting a timer replaces the one of the
 * same name; a cancelled timer's message is dropped even if it was already sent) over plain
 * scheduled messages, each carrying its timer's generation. Pekko's own timer scheduler costs
 * each actor a scheduler object, a logger (named by walking the stack) and a persistent map
 * updated at every start and cancel; a starter lives for one job and sets and cancels its handful
 * of timers once each.
 */
final class StarterTimers {
  /** Sends the starter {@code timer}'s message after {@code delay}; the handle takes it back. */
  @FunctionalInterface
  interface Schedule {
    Cancellable after(Duration delay, StarterTimer timer, int generation);
  }

  private static final StarterTimer[] ALL = StarterTimer.values();
  private final Schedule schedule;
  private final Cancellable[] pending = new Cancellable[ALL.length];
  private final int[] generations = new int[ALL.length];

  StarterTimers(Schedule schedule) {
    this.schedule = schedule;
  }

  void start(StarterTimer timer, Duration delay) {
    cancel(timer);
    int i = timer.ordinal();
    pending[i] = schedule.after(delay, timer, generations[i]);
  }

  void cancel(StarterTimer timer) {
    int i = timer.ordinal();
    if (pending[i] != null) {
      pending[i].cancel();
      pending[i] = null;
      generations[i]++;
    }
  }

  void cancelAll() {
    for (StarterTimer t : ALL) {
      cancel(t);
    }
  }

  /**
   * Whether a message of {@code timer} with {@code generation} comes from its live timer, which
   * is then no longer pending; false for one of a cancelled or replaced timer.
   */
  boolean fired(StarterTimer timer, int generation) {
    int i = timer.ordinal();
    if (pending[i] == null || generation != generations[i]) {
      return false;
    }
    pending[i] = null;
    generations[i]++;
    return true;
  }
}
