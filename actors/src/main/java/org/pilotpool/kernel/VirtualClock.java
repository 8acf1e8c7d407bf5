package org.pilotpool.kernel;

import java.time.Instant;
import java.time.InstantSource;

/**
 * The simulation's clock: it stands still while actors work and jumps to the next due timer when
 * they are all idle. Only the kernel moves it.
 */
public final class VirtualClock implements InstantSource {
  private final Instant epoch;
  private long nanos;

  VirtualClock(Instant epoch) {
    this.epoch = epoch;
  }

  /** The virtual instant at which the simulation started. */
  public Instant epoch() {
    return epoch;
  }

  /** Nanoseconds since {@link #epoch()}. */
  public long nanos() {
    return nanos;
  }

  @Override
  public Instant instant() {
    return epoch.plusNanos(nanos);
  }

  @Override
  public long millis() {
    return epoch.toEpochMilli() + nanos / 1_000_000L;
  }

  void advanceTo(long target) {
    if (target < nanos) {
      throw new IllegalStateException("virtual time cannot go back: " + target + " < " + nanos);
    }
    nanos = target;
  }
}
