package org.pilotpool.model.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.input.BadInputException;
import org.pilotpool.model.retry.CircuitBreaker.Admission;
import org.pilotpool.model.retry.CircuitBreaker.State;
import org.pilotpool.model.retry.CircuitBreaker.Ticket;

class CircuitBreakerTest {
  private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
  private static final CircuitBreakerConfig CONFIG =
      new CircuitBreakerConfig(3, Duration.ofSeconds(30), 2.0, Duration.ofSeconds(100), 1);

  private final List<BreakerTransition> transitions = new ArrayList<>();
  private final CircuitBreaker breaker = new CircuitBreaker("SITE_A", CONFIG, transitions::add);

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  private Ticket admit(Instant now) {
    return assertInstanceOf(Admission.Admitted.class, breaker.tryAcquire(now)).ticket();
  }

  private void failTransiently(int times, Instant now) {
    for (int i = 0; i < times; i++) {
      breaker.onFailure(admit(now), FailureClass.TRANSIENT, now);
    }
  }

  @Test
  void opensAfterThresholdConsecutiveTransientFailures() {
    failTransiently(2, at(0));
    assertEquals(State.CLOSED, breaker.state());

    failTransiently(1, at(1));
    assertEquals(State.OPEN, breaker.state());
    assertEquals(List.of(new BreakerTransition("SITE_A", State.CLOSED, State.OPEN, at(1), Optional.of(at(31)))),
        transitions);
  }

  @Test
  void successResetsTheConsecutiveCount() {
    failTransiently(2, at(0));
    breaker.onSuccess(admit(at(1)), at(1));
    failTransiently(2, at(2));
    assertEquals(State.CLOSED, breaker.state());
  }

  @Test
  void denialsAndClientErrorsDoNotOpenIt() {
    for (int i = 0; i < 10; i++) {
      breaker.onFailure(admit(at(i)), FailureClass.PERMANENT, at(i));
      breaker.onFailure(admit(at(i)), FailureClass.CLIENT, at(i));
      breaker.onFailure(admit(at(i)), FailureClass.UNKNOWN, at(i));
    }
    assertEquals(State.CLOSED, breaker.state());
  }

  @Test
  void openBreakerRejectsUntilTheIntervalEnds() {
    failTransiently(3, at(0));
    assertEquals(new Admission.Rejected(at(30)), breaker.tryAcquire(at(29)));
    assertEquals(State.OPEN, breaker.state());
  }

  @Test
  void halfOpensAfterTheIntervalAndLetsOnlyTheProbesThrough() {
    failTransiently(3, at(0));
    Ticket probe = admit(at(30));

    assertEquals(true, probe.probe());
    assertEquals(State.HALF_OPEN, breaker.state());
    assertInstanceOf(Admission.Rejected.class, breaker.tryAcquire(at(31)));
  }

  @Test
  void successfulProbeCloses() {
    failTransiently(3, at(0));
    breaker.onSuccess(admit(at(30)), at(31));

    assertEquals(State.CLOSED, breaker.state());
    assertEquals(List.of(State.OPEN, State.HALF_OPEN, State.CLOSED),
        transitions.stream().map(BreakerTransition::to).toList());
  }

  @Test
  void denialOfAProbeShowsTheServiceAnsweringAndCloses() {
    failTransiently(3, at(0));
    breaker.onFailure(admit(at(30)), FailureClass.PERMANENT, at(31));
    assertEquals(State.CLOSED, breaker.state());
  }

  @Test
  void failedProbeReopensForAGrowingIntervalUpToTheMaximum() {
    failTransiently(3, at(0));
    breaker.onFailure(admit(at(30)), FailureClass.TRANSIENT, at(30));
    assertEquals(new Admission.Rejected(at(90)), breaker.tryAcquire(at(31)));

    breaker.onFailure(admit(at(90)), FailureClass.TRANSIENT, at(90));
    assertEquals(new Admission.Rejected(at(190)), breaker.tryAcquire(at(91)));

    breaker.onFailure(admit(at(190)), FailureClass.TRANSIENT, at(190));
    assertEquals(new Admission.Rejected(at(290)), breaker.tryAcquire(at(191)));
  }

  @Test
  void closingResetsTheOpenInterval() {
    failTransiently(3, at(0));
    breaker.onFailure(admit(at(30)), FailureClass.TRANSIENT, at(30));
    breaker.onSuccess(admit(at(90)), at(90));
    failTransiently(3, at(100));

    assertEquals(new Admission.Rejected(at(130)), breaker.tryAcquire(at(101)));
  }

  @Test
  void lateResultFromBeforeTheOpeningIsIgnored() {
    Ticket slow = admit(at(0));
    failTransiently(3, at(1));
    breaker.tryAcquire(at(31));
    breaker.onSuccess(slow, at(32));

    assertEquals(State.HALF_OPEN, breaker.state());
  }

  @Test
  void unknownProbeOutcomeFreesTheProbeSlot() {
    failTransiently(3, at(0));
    breaker.onFailure(admit(at(30)), FailureClass.UNKNOWN, at(31));

    assertEquals(State.HALF_OPEN, breaker.state());
    assertEquals(true, admit(at(32)).probe());
  }

  @Test
  void zeroThresholdIsRejectedNamingTheKey() {
    BadInputException e = assertThrows(BadInputException.class, () -> new CircuitBreakerConfig(
        0, Duration.ofSeconds(30), 2.0, Duration.ofSeconds(300), 1));
    assertEquals(Optional.of("glexec.breaker.failure-threshold"), e.key());
  }

  @Test
  void shrinkingMultiplierIsRejected() {
    assertThrows(BadInputException.class, () -> new CircuitBreakerConfig(
        5, Duration.ofSeconds(30), 0.5, Duration.ofSeconds(300), 1));
  }
}
