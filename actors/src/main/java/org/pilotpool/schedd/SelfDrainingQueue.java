package org.pilotpool.schedd;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.function.Predicate;

/**
 * HTCondor's self-draining queue: entries wait in arrival order (each at most once); every
 * {@code period} the timer handles up to {@code countPerPeriod} of them and re-arms while entries
 * remain. A period of zero drains everything in one burst at the instant the timer fires.
 *
 * <p>The handler may decline an entry (return false): it then stays at the head and draining
 * pauses until {@link #resume()}, which is how MAX_JOBS_RUNNING holds back shadow starts.
 */
final class SelfDrainingQueue<T> {
  private final ScheddTimer timer;
  private final Duration period;
  private final int countPerPeriod;
  private final Predicate<T> handler;
  private final ScheddPort port;
  private final LinkedHashSet<T> entries = new LinkedHashSet<>();
  private boolean armed;
  private boolean paused;

  SelfDrainingQueue(ScheddTimer timer, Duration period, int countPerPeriod, Predicate<T> handler,
      ScheddPort port) {
    this.timer = timer;
    this.period = period;
    this.countPerPeriod = countPerPeriod;
    this.handler = handler;
    this.port = port;
  }

  /** Adds the entry unless it is already waiting; arms the timer if it is not armed. */
  void enqueue(T entry) {
    entries.add(entry);
    arm();
  }

  boolean remove(T entry) {
    return entries.remove(entry);
  }

  int size() {
    return entries.size();
  }

  /** Lets a paused queue drain again. */
  void resume() {
    paused = false;
    arm();
  }

  /** The timer fired: handle a batch, then re-arm while entries remain. */
  void onTimer() {
    armed = false;
    int budget = period.isZero() ? Integer.MAX_VALUE : countPerPeriod;
    while (budget > 0 && !entries.isEmpty()) {
      T entry = entries.iterator().next();
      entries.remove(entry);
      if (!handler.test(entry)) {
        LinkedHashSet<T> rest = new LinkedHashSet<>(entries);
        entries.clear();
        entries.add(entry);
        entries.addAll(rest);
        paused = true;
        return;
      }
      budget--;
    }
    arm();
  }

  private void arm() {
    if (!armed && !paused && !entries.isEmpty()) {
      armed = true;
      port.startTimer(timer, period);
    }
  }
}
