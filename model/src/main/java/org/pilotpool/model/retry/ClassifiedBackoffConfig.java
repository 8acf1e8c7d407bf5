package org.pilotpool.model.retry;

import java.time.Duration;
import java.util.Objects;
import org.pilotpool.model.input.BadInputException;

/**
 * Settings of {@link ClassifiedBackoffPolicy}. HTCondor has no equivalent; the nearest knobs are
 * {@code GLEXEC_RETRY_DELAY} (whose default the base delay copies) and {@code GLEXEC_RETRIES}.
 *
 * @param baseDelay {@code glexec.classified.base-delay}: the backoff window after the first failure,
 *     doubling with every further one; default 5 s, must be positive
 * @param maxDelay {@code glexec.classified.max-delay}: the largest backoff window; default 300 s, at
 *     least the base delay
 * @param maxAttempts {@code glexec.classified.max-attempts}: calls per step, the first one included,
 *     for transient failures; default 6, at least 1
 * @param maxUnknownAttempts {@code glexec.classified.max-unknown-attempts}: calls per step when the
 *     failure cannot be classified (a bare 203); default 2, one cautious retry that tells a blip
 *     from a ban; at least 1 and at most {@code maxAttempts}
 */
public record ClassifiedBackoffConfig(
    Duration baseDelay, Duration maxDelay, int maxAttempts, int maxUnknownAttempts) {

  public ClassifiedBackoffConfig {
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (baseDelay.isNegative() || baseDelay.isZero()) {
      throw new BadInputException(null, 0, "glexec.classified.base-delay",
          "expected a positive duration, got " + baseDelay);
    }
    if (maxDelay.compareTo(baseDelay) < 0) {
      throw new BadInputException(null, 0, "glexec.classified.max-delay",
          "expected at least the base delay " + baseDelay + ", got " + maxDelay);
    }
    if (maxAttempts < 1) {
      throw new BadInputException(null, 0, "glexec.classified.max-attempts",
          "expected a whole number >= 1, got " + maxAttempts);
    }
    if (maxUnknownAttempts < 1 || maxUnknownAttempts > maxAttempts) {
      throw new BadInputException(null, 0, "glexec.classified.max-unknown-attempts",
          "expected a whole number from 1 to max-attempts (" + maxAttempts + "), got "
              + maxUnknownAttempts);
    }
  }

  public static ClassifiedBackoffConfig defaults() {
    return new ClassifiedBackoffConfig(Duration.ofSeconds(5), Duration.ofSeconds(300), 6, 2);
  }
}
