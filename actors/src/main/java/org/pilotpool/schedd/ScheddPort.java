package org.pilotpool.schedd;

import java.time.Duration;

/**
 * How the schedd's logic reaches the world: named timers and an outbox of effects. The clock is
 * given beside it as an {@link java.time.InstantSource}.
 */
public interface ScheddPort {
  /** Arms {@code timer} to fire once after {@code delay}, replacing any earlier arming. */
  void startTimer(ScheddTimer timer, Duration delay);

  void cancelTimer(ScheddTimer timer);

  /** Hands one effect to the world (a message to another daemon, a queue or log event). */
  void emit(ScheddEffect effect);
}
