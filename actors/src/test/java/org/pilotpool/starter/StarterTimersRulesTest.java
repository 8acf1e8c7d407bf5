package org.pilotpool.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.Cancellable;
import org.junit.jupiter.api.Test;

/** Pekko's keyed-timer rules, as the starter keeps them over plain scheduled messages. */
class StarterTimersRulesTest {
  /** A message as it was scheduled, and whether its handle was cancelled. */
  private static final class Sent implements Cancellable {
    final StarterTimer timer;
    final int generation;
    boolean cancelled;

    Sent(StarterTimer timer, int generation) {
      this.timer = timer;
      this.generation = generation;
    }

    @Override
    public boolean cancel() {
      cancelled = true;
      return true;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }
  }

  private final List<Sent> sent = new ArrayList<>();
  private final StarterTimers timers = new StarterTimers((delay, timer, generation) -> {
    Sent s = new Sent(timer, generation);
    sent.add(s);
    return s;
  });

  private boolean arrives(Sent s) {
    return timers.fired(s.timer, s.generation);
  }

  @Test
  void aLiveTimersMessageIsTakenOnce() {
    timers.start(StarterTimer.PAYLOAD, Duration.ofMinutes(10));

    assertTrue(arrives(sent.get(0)));
    assertFalse(arrives(sent.get(0)), "a second delivery of the same message");
  }

  @Test
  void aCancelledTimersMessageAlreadySentIsDropped() {
    timers.start(StarterTimer.PAYLOAD, Duration.ofMinutes(10));
    timers.cancel(StarterTimer.PAYLOAD);

    assertTrue(sent.get(0).cancelled);
    assertFalse(arrives(sent.get(0)));
  }

  @Test
  void startingATimerAgainReplacesTheEarlierOne() {
    timers.start(StarterTimer.RETRY, Duration.ofSeconds(5));
    timers.start(StarterTimer.RETRY, Duration.ofSeconds(10));

    assertTrue(sent.get(0).cancelled);
    assertFalse(arrives(sent.get(0)), "the replaced timer's message");
    assertTrue(arrives(sent.get(1)));
  }

  @Test
  void timersOfOtherNamesAreUntouched() {
    timers.start(StarterTimer.PAYLOAD, Duration.ofMinutes(10));
    timers.start(StarterTimer.PROXY_EXPIRY, Duration.ofHours(1));
    timers.cancel(StarterTimer.PAYLOAD);

    assertFalse(sent.get(1).cancelled);
    assertTrue(arrives(sent.get(1)));
  }

  @Test
  void cancellingAllTakesBackEveryPendingMessage() {
    timers.start(StarterTimer.PAYLOAD, Duration.ofMinutes(10));
    timers.start(StarterTimer.PROXY_EXPIRY, Duration.ofHours(1));
    timers.cancelAll();

    assertEquals(List.of(true, true), sent.stream().map(Sent::isCancelled).toList());
    assertFalse(arrives(sent.get(0)));
    assertFalse(arrives(sent.get(1)));
  }
}
