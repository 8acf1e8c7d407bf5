package org.pilotpool.model.retry;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Guards one site's authorization service: after {@code failureThreshold} consecutive transient
 * failures the breaker opens and callers fail locally instead of adding load to a service that is
 * down or drowning; after the open interval it lets {@code halfOpenProbes} calls through; a probe
 * that succeeds closes it, a probe that fails transiently reopens it for a longer interval.
 *
 * <p>It counts consecutive failures rather than a failure ratio over a window: an outage or a full
 * Argus queue makes every call fail, which a count notices within a fixed number of calls whatever
 * the call rate, and it needs no window bookkeeping. A partly overloaded service, where a ratio
 * would open the breaker, is better served by jittered backoff than by rejecting everybody.
 *
 * <p>Only {@link FailureClass#TRANSIENT} failures count. A permanent failure (a deny) shows the
 * service answering, so it counts as a success; client and unknown failures say nothing about the
 * service and change nothing. Results of calls admitted before the latest state change are
 * ignored, so a slow reply from before an opening cannot close the breaker.
 *
 * <p>One instance per site and caller (in the pool, per worker node, shared by its starters and
 * procd); not thread-safe (it lives inside one actor). Time comes in as arguments.
 */
public final class CircuitBreaker {

  /** The breaker's states. */
  public enum State {
    /** Calls pass; transient failures are counted. */
    CLOSED,
    /** Calls are rejected locally until the open interval ends. */
    OPEN,
    /** A limited number of probe calls pass; their outcome closes or reopens the breaker. */
    HALF_OPEN
  }

  /**
   * A pass for one call, to be handed back with its outcome.
   *
   * @param generation the breaker's state generation when the call was admitted
   * @param probe whether the call is a half-open probe
   */
  public record Ticket(long generation, boolean probe) {}

  /** Whether a call may go to the site. */
  public sealed interface Admission {
    /** Call the site, then report the outcome with {@code ticket}. */
    record Admitted(Ticket ticket) implements Admission {}

    /** Do not call: the breaker is open (or its probes are all out) until {@code retryAt}. */
    record Rejected(Instant retryAt) implements Admission {}
  }

  private final String site;
  private final CircuitBreakerConfig config;
  private final Consumer<BreakerTransition> listener;

  private State state = State.CLOSED;
  private long generation;
  private int consecutiveFailures;
  private Duration currentOpenInterval;
  private Instant openUntil = Instant.MIN;
  private int probesInFlight;

  /**
   * @param site the stable id of the guarded site
   * @param listener told of every state change, in order
   */
  public CircuitBreaker(String site, CircuitBreakerConfig config, Consumer<BreakerTransition> listener) {
    this.site = Objects.requireNonNull(site, "site");
    this.config = Objects.requireNonNull(config, "config");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.currentOpenInterval = config.openInterval();
  }

  public String site() {
    return site;
  }

  /** The state as last changed; an open breaker whose interval has passed half-opens on the next {@link #tryAcquire}. */
  public State state() {
    return state;
  }

  /** Asks to make one call at {@code now}. */
  public Admission tryAcquire(Instant now) {
    if (state == State.OPEN && !now.isBefore(openUntil)) {
      moveTo(State.HALF_OPEN, now);
    }
    return switch (state) {
      case CLOSED -> new Admission.Admitted(new Ticket(generation, false));
      case OPEN -> new Admission.Rejected(openUntil);
      case HALF_OPEN -> {
        if (probesInFlight >= config.halfOpenProbes()) {
          // The probes' outcome is not known yet; ask again after one open interval at the latest.
          yield new Admission.Rejected(now.plus(currentOpenInterval));
        }
        probesInFlight++;
        yield new Admission.Admitted(new Ticket(generation, true));
      }
    };
  }

  /** The admitted call succeeded (glexec returned 0, or the site answered). */
  public void onSuccess(Ticket ticket, Instant now) {
    if (ticket.generation() != generation) {
      return;
    }
    if (state == State.HALF_OPEN) {
      currentOpenInterval = config.openInterval();
      moveTo(State.CLOSED, now);
    } else {
      consecutiveFailures = 0;
    }
  }

  /** The admitted call failed; {@code failureClass} as {@link FailureClassifier} sorts it. */
  public void onFailure(Ticket ticket, FailureClass failureClass, Instant now) {
    if (ticket.generation() != generation) {
      return;
    }
    switch (failureClass) {
      case PERMANENT -> onSuccess(ticket, now);
      case CLIENT, UNKNOWN -> {
        if (ticket.probe()) {
          probesInFlight--;
        }
      }
      case TRANSIENT -> {
        if (state == State.HALF_OPEN) {
          currentOpenInterval = grown(currentOpenInterval);
          open(now);
        } else if (++consecutiveFailures >= config.failureThreshold()) {
          open(now);
        }
      }
    }
  }

  private void open(Instant now) {
    openUntil = now.plus(currentOpenInterval);
    moveTo(State.OPEN, now);
  }

  private Duration grown(Duration interval) {
    double millis = interval.toMillis() * config.openIntervalMultiplier();
    long cap = config.maxOpenInterval().toMillis();
    return Duration.ofMillis(millis >= cap ? cap : Math.round(millis));
  }

  private void moveTo(State next, Instant now) {
    State previous = state;
    state = next;
    generation++;
    consecutiveFailures = 0;
    probesInFlight = 0;
    listener.accept(new BreakerTransition(site, previous, next, now,
        next == State.OPEN ? Optional.of(openUntil) : Optional.empty()));
  }
}
