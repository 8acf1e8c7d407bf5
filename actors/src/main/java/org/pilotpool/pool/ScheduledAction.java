package org.pilotpool.pool;

import java.time.Duration;
import java.util.Objects;

/** A {@link PoolAction} at an offset from the start of the run. */
public record ScheduledAction(Duration at, PoolAction action) {
  public ScheduledAction {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(action, "action");
    if (at.isNegative()) {
      throw new IllegalArgumentException("an action before the start: " + at);
    }
  }
}
