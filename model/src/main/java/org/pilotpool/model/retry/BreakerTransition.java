package org.pilotpool.model.retry;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link CircuitBreaker} changed state: the figure a site report plots.
 *
 * @param site the site whose authorization service the breaker guards
 * @param from the state before
 * @param to the state after
 * @param at when it changed
 * @param openUntil when an {@link CircuitBreaker.State#OPEN} breaker lets probes through; empty for
 *     the other target states
 */
public record BreakerTransition(
    String site,
    CircuitBreaker.State from,
    CircuitBreaker.State to,
    Instant at,
    Optional<Instant> openUntil) {
  public BreakerTransition {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(openUntil, "openUntil");
  }
}
