package org.pilotpool.authz;

import java.time.Instant;
import java.util.Objects;

/** The service is down from {@code from} (inclusive) to {@code to} (exclusive). */
public record OutageWindow(Instant from, Instant to) {
  public OutageWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("outage must end after it starts: " + from + " .. " + to);
    }
  }

  public boolean contains(Instant t) {
    return !t.isBefore(from) && t.isBefore(to);
  }
}
