package org.pilotpool.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.pilotpool.fcfs.FcfsScheduler;
import org.pilotpool.kernel.PoolContext;

/**
 * A pool of N cores served first come, first served: each job runs for the run time its trace
 * recorded on as many single-core slots as it requested cores ({@link FcfsScheduler}: no
 * backfilling, so a wide job at the head of the queue holds back every job behind it). A job
 * asking for more cores than the pool has is rejected when submitted. Slots are named {@code
 * slot1} .. {@code slotN}; a multi-core job's slot is written {@code slot3+slot4}.
 *
 * <p>One actor for the whole pool with one timer per running job: slots have no behaviour of
 * their own here, and the event budget is one submit, one start and one end per job.
 */
public final class FcfsReplayPool {
  private FcfsReplayPool() {}

  /** A pool of {@code cores} cores. */
  public static Behavior<ReplayPool.Command> create(int cores) {
    if (cores < 1) {
      throw new IllegalArgumentException("a pool needs at least one core: " + cores);
    }
    return Behaviors.<Object>setup(ctx -> new State(ctx, cores).behavior()).narrow();
  }

  private record Pending(ReplayJob job, ActorRef<ReplayPool.JobEvent> replyTo) {}

  /** A running job's end, sent to the pool itself after its run time. */
  private record Done(Pending pending, int[] slots, Instant started, String slot) {}

  private static final class State {
    private final ActorContext<Object> ctx;
    private final FcfsScheduler<Pending> scheduler;
    private final InstantSource clock;

    State(ActorContext<Object> ctx, int cores) {
      this.ctx = ctx;
      this.scheduler = new FcfsScheduler<>(cores);
      this.clock = PoolContext.get(ctx.getSystem()).clock();
    }

    Behavior<Object> behavior() {
      return Behaviors.receive(Object.class)
          .onMessage(ReplayPool.Submit.class, this::onSubmit)
          .onMessage(Done.class, this::onDone)
          .build();
    }

    private Behavior<Object> onSubmit(ReplayPool.Submit s) {
      int cpus = s.job().cpus();
      if (!scheduler.fits(cpus)) {
        s.replyTo().tell(new ReplayPool.Rejected(s.job(), clock.instant(),
            "needs " + cpus + " cores, the pool has " + scheduler.capacity()));
        return Behaviors.same();
      }
      start(scheduler.submit(new Pending(s.job(), s.replyTo()), cpus));
      return Behaviors.same();
    }

    private Behavior<Object> onDone(Done d) {
      d.pending().replyTo().tell(new ReplayPool.Ended(
          d.pending().job(), d.started(), clock.instant(), d.slot()));
      start(scheduler.release(d.slots()));
      return Behaviors.same();
    }

    private void start(List<FcfsScheduler.Placement<Pending>> placements) {
      if (placements.isEmpty()) {
        return;
      }
      Instant now = clock.instant();
      for (FcfsScheduler.Placement<Pending> p : placements) {
        Pending pending = p.job();
        String slot = slotName(p.slots());
        pending.replyTo().tell(new ReplayPool.Started(pending.job(), now, slot));
        ctx.scheduleOnce(Duration.ofNanos(pending.job().runNanos()), ctx.getSelf(),
            new Done(pending, p.slots(), now, slot));
      }
    }

    private static String slotName(int[] slots) {
      if (slots.length == 1) {
        return "slot" + (slots[0] + 1);
      }
      StringBuilder sb = new StringBuilder();
      for (int s : slots) {
        if (sb.length() > 0) {
          sb.append('+');
        }
        sb.append("slot").append(s + 1);
      }
      return sb.toString();
    }
  }
}
