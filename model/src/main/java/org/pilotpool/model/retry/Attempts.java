package org.pilotpool.model.retry;

import java.time.Duration;

/** The arguments every {@link RetryPolicy} checks the same way. */
final class Attempts {
  private Attempts() {}

  /** An attempt number, counted from 1. */
  static void check(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts count from 1, got " + attempt);
    }
  }

  /** A refused attempt and the breaker's wait. */
  static void checkRefusal(int refusedAttempt, Duration untilRetry) {
    check(refusedAttempt);
    if (untilRetry.isNegative()) {
      throw new IllegalArgumentException("negative wait for the breaker " + untilRetry);
    }
  }
}
