package org.pilotpool.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The run's scheduled actions in the order they fall due, actions at the same offset in the order
 * given. The pool keeps one timer for the next offset rather than one per action: a workload of
 * 200,000 submits would otherwise hold 200,000 timers in the root's timer table.
 */
final class Timeline {
  private final List<ScheduledAction> actions;
  private int next;

  Timeline(List<ScheduledAction> actions) {
    List<ScheduledAction> sorted = new ArrayList<>(actions);
    // A stable sort: ties stay in the order given.
    sorted.sort(Comparator.comparing(ScheduledAction::at));
    this.actions = sorted;
  }

  /** The offset of the next action not yet handed out, if any. */
  Optional<Duration> next() {
    return next < actions.size() ? Optional.of(actions.get(next).at()) : Optional.empty();
  }

  /** Hands out, in order, the actions due at or before {@code offset}. */
  List<PoolAction> dueBy(Duration offset) {
    List<PoolAction> due = new ArrayList<>();
    while (next < actions.size() && actions.get(next).at().compareTo(offset) <= 0) {
      due.add(actions.get(next++).action());
    }
    return due;
  }
}
