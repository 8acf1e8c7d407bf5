package org.pilotpool.pilot;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.pilotpool.kernel.PoolContext;

/**
 * A stand-in for the startd behind {@link SlotLauncher}: each slot is a child actor of its glidein
 * that, once told to retire, drains for {@code drainTime} (its running job finishing) and then
 * reports {@link SlotExited}; told to shut down, it stops at once. Everything is recorded with its
 * virtual time. Single-threaded under the simulation kernel, so plain lists suffice.
 */
public final class TestSlots implements SlotLauncher {
  /** One thing that happened to a slot. */
  public record Event(Instant at, String slot, String what) {}

  private final Duration drainTime;
  private final List<SlotRequest> launched = new ArrayList<>();
  private final List<Instant> launchedAt = new ArrayList<>();
  private final List<Event> events = new ArrayList<>();

  /** @param drainTime how long a retiring slot's job still runs; null for a job that never ends */
  public TestSlots(Duration drainTime) {
    this.drainTime = drainTime;
  }

  private enum Signal {
    RETIRE,
    DRAINED
  }

  @Override
  public SlotHandle launch(ActorContext<?> pilot, SlotRequest request) {
    InstantSource clock = PoolContext.get(pilot.getSystem()).clock();
    launched.add(request);
    launchedAt.add(clock.instant());
    ActorRef<Signal> slot = pilot.spawn(behaviour(request), "slot" + request.slotIndex());
    return new SlotHandle() {
      @Override
      public void retire() {
        events.add(new Event(clock.instant(), request.slotName(), "retire"));
        slot.tell(Signal.RETIRE);
      }

      @Override
      public void shutdownNow() {
        events.add(new Event(clock.instant(), request.slotName(), "shutdown"));
        pilot.stop(slot);
      }
    };
  }

  private Behavior<Signal> behaviour(SlotRequest request) {
    return Behaviors.withTimers(timers -> Behaviors.receive(Signal.class)
        .onMessageEquals(Signal.RETIRE, () -> {
          if (drainTime != null) {
            timers.startSingleTimer(Signal.DRAINED, drainTime);
          }
          return Behaviors.same();
        })
        .onMessageEquals(Signal.DRAINED, () -> {
          request.exited().tell(new SlotExited(request.slotIndex()));
          return Behaviors.stopped();
        })
        .build());
  }

  public List<SlotRequest> launched() {
    return launched;
  }

  public List<Instant> launchedAt() {
    return launchedAt;
  }

  public List<Event> events() {
    return events;
  }
}
