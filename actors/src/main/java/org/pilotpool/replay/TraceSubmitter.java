package org.pilotpool.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.pilotpool.kernel.PoolContext;

/**
 * Submits a trace's jobs at their (shifted) submit times: hands over every job due now, then sets
 * one timer for the next arrival. At most one timer is pending and at most one job is read ahead
 * ({@link ArrivalStream}), whatever the trace's length. Stops after telling the replay that the
 * stream has ended.
 */
final class TraceSubmitter {
  private TraceSubmitter() {}

  private enum Arrival {
    INSTANCE
  }

  /**
   * @param start the run's start, from which arrival times count
   */
  static Behavior<?> create(ArrivalStream arrivals, Instant start, ActorRef<Replay.Command> replay) {
    return Behaviors.<Arrival>setup(ctx -> Behaviors.withTimers(timers -> {
      InstantSource clock = PoolContext.get(ctx.getSystem()).clock();
      if (!submitDue(arrivals, start, clock, timers, replay)) {
        return Behaviors.stopped();
      }
      return Behaviors.receive(Arrival.class)
          .onMessageEquals(Arrival.INSTANCE, () ->
              submitDue(arrivals, start, clock, timers, replay) ? Behaviors.same() : Behaviors.stopped())
          .build();
    }));
  }

  /** Hands over the jobs due now; returns whether more are to come. */
  private static boolean submitDue(ArrivalStream arrivals, Instant start, InstantSource clock,
      TimerScheduler<Arrival> timers, ActorRef<Replay.Command> replay) {
    long now = Duration.between(start, clock.instant()).toNanos();
    while (arrivals.hasNext() && arrivals.nextArrivalNanos() <= now) {
      replay.tell(new Replay.Arrived(arrivals.next()));
    }
    if (!arrivals.hasNext()) {
      replay.tell(new Replay.ArrivalsEnded(arrivals.handedOver()));
      return false;
    }
    timers.startSingleTimer(Arrival.INSTANCE, Duration.ofNanos(arrivals.nextArrivalNanos() - now));
    return true;
  }
}
