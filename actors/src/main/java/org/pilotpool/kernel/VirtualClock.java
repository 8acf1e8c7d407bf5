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
  /**
   * The instant at {@link #nanos}, made when the clock moves: actors ask for the time far more
   * often than it changes, and each answer used to be a new object.
   */
  private Instant now;

  VirtualClock(Instant epoch) {
    this.epoch = epoch;
    this.now = epoch;
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
    return now;
  }

  @Override
  public long millis() {
    return epoch.toEpochMilli() + nanos / 1_000_000L;
  }

  void advanceTo(long target) {
    if (target < nanos) {
      throw new IllegalStateException("virtual time cannot go back: " + target + " < " + nanos);
    }
    if (target != nanos) {
      nanos = target;
      now = epoch.plusNanos(target);
    }
  }
}
