package org.pilotpool.model.retry;

import java.time.Duration;
import java.util.Objects;
import org.pilotpool.model.input.BadInputException;

/**
 * Settings of the {@link CircuitBreaker} each worker node puts on its site's authorization service
 * ({@code glexec.breaker.enabled}). HTCondor has nothing like it: every starter keeps calling a
 * site whose authorization service is down.
 *
 * @param failureThreshold {@code glexec.breaker.failure-threshold}: consecutive transient failures
 *     that open the breaker; default 5, at least 1
 * @param openInterval {@code glexec.breaker.open-interval}: how long the first opening rejects
 *     calls; default 30 s (Argus's connection timeout), must be positive
 * @param openIntervalMultiplier {@code glexec.breaker.open-interval-multiplier}: factor applied to
 *     the open interval each time a probe fails and the breaker reopens; default 2, at least 1
 *     (1 keeps the interval fixed)
 * @param maxOpenInterval {@code glexec.breaker.max-open-interval}: the longest open interval;
 *     default 300 s, at least the open interval
 * @param halfOpenProbes {@code glexec.breaker.half-open-probes}: calls let through at once while
 *     half-open; default 1, at least 1
 */
public record CircuitBreakerConfig(
    int failureThreshold,
    Duration openInterval,
    double openIntervalMultiplier,
    Duration maxOpenInterval,
    int halfOpenProbes) {

  public CircuitBreakerConfig {
    Objects.requireNonNull(openInterval, "openInterval");
    Objects.requireNonNull(maxOpenInterval, "maxOpenInterval");
    if (failureThreshold < 1) {
      throw new BadInputException(null, 0, "glexec.breaker.failure-threshold",
          "expected a whole number >= 1, got " + failureThreshold);
    }
    if (openInterval.isNegative() || openInterval.isZero()) {
      throw new BadInputException(null, 0, "glexec.breaker.open-interval",
          "expected a positive duration, got " + openInterval);
    }
    if (!(openIntervalMultiplier >= 1.0) || Double.isInfinite(openIntervalMultiplier)) {
      throw new BadInputException(null, 0, "glexec.breaker.open-interval-multiplier",
          "expected a finite number >= 1, got " + openIntervalMultiplier);
    }
    if (maxOpenInterval.compareTo(openInterval) < 0) {
      throw new BadInputException(null, 0, "glexec.breaker.max-open-interval",
          "expected at least the open interval " + openInterval + ", got " + maxOpenInterval);
    }
    if (halfOpenProbes < 1) {
      throw new BadInputException(null, 0, "glexec.breaker.half-open-probes",
          "expected a whole number >= 1, got " + halfOpenProbes);
    }
  }

  public static CircuitBreakerConfig defaults() {
    return new CircuitBreakerConfig(5, Duration.ofSeconds(30), 2.0, Duration.ofSeconds(300), 1);
  }
}
