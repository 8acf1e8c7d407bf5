package org.pilotpool.quickstart;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.pilotpool.kernel.PoolContext;

/**
 * The quickstart pool as actors: a submitter that draws arrivals, a queue that hands jobs to idle
 * slots in submission order, and one actor per slot that runs a job for its drawn run time. The
 * queue stops once every job has ended, which ends the simulation.
 */
public final class QuickstartPool {
  private QuickstartPool() {}

  /** The root behaviour; {@code records} receives one entry per job, in submission order. */
  public static Behavior<Command> create(QuickstartSpec spec, List<JobRecord> records) {
    return Behaviors.setup(ctx -> {
      PoolContext pool = PoolContext.get(ctx.getSystem());
      List<ActorRef<SlotCommand>> slots = new ArrayList<>();
      for (int i = 1; i <= spec.slots(); i++) {
        String name = "slot" + i;
        slots.add(ctx.spawn(slot(name, ctx.getSelf(), spec.meanRuntime(), pool.random(name)), name));
      }
      if (spec.jobs() > 0) {
        ctx.spawn(submitter(spec, ctx.getSelf(), pool.random("submitter")), "submitter");
      }
      return new Queue(ctx, spec, slots, records, pool.clock()).behavior();
    });
  }

  /** What the queue hears. */
  public sealed interface Command {}

  record Submit(int jobId) implements Command {}

  record Finished(int jobId, ActorRef<SlotCommand> slot) implements Command {}

  sealed interface SlotCommand {}

  record Run(int jobId) implements SlotCommand {}

  private enum Done implements SlotCommand {
    INSTANCE
  }

  private enum Arrival {
    INSTANCE
  }

  private static Behavior<Arrival> submitter(QuickstartSpec spec, ActorRef<Command> queue, RandomGenerator random) {
    return Behaviors.withTimers(timers -> {
      double mean = spec.meanInterarrival().toNanos();
      timers.startSingleTimer(Arrival.INSTANCE, exponential(random, mean));
      int[] next = {1};
      return Behaviors.receive(Arrival.class)
          .onMessageEquals(Arrival.INSTANCE, () -> {
            queue.tell(new Submit(next[0]++));
            if (next[0] > spec.jobs()) {
              return Behaviors.stopped();
            }
            timers.startSingleTimer(Arrival.INSTANCE, exponential(random, mean));
            return Behaviors.same();
          })
          .build();
    });
  }

  private static Behavior<SlotCommand> slot(
      String name, ActorRef<Command> queue, Duration meanRuntime, RandomGenerator random) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      int[] running = {0};
      return Behaviors.receive(SlotCommand.class)
          .onMessage(Run.class, run -> {
            running[0] = run.jobId();
            timers.startSingleTimer(Done.INSTANCE, exponential(random, meanRuntime.toNanos()));
            return Behaviors.same();
          })
          .onMessageEquals(Done.INSTANCE, () -> {
            queue.tell(new Finished(running[0], ctx.getSelf()));
            return Behaviors.same();
          })
          .build();
    }));
  }

  private static Duration exponential(RandomGenerator random, double meanNanos) {
    // At least 1 ns, so a zero draw cannot put two events of one job at the same instant.
    return Duration.ofNanos(Math.max(1L, Math.round(-meanNanos * Math.log(1.0 - random.nextDouble()))));
  }

  /** The queue's state: FIFO of waiting jobs, idle slots in the order they became idle. */
  private static final class Queue {
    private final ActorContext<Command> ctx;
    private final QuickstartSpec spec;
    private final ArrayDeque<Integer> waiting = new ArrayDeque<>();
    private final ArrayDeque<ActorRef<SlotCommand>> idle;
    private final List<JobRecord> records;
    private final InstantSource clock;
    private int ended;

    Queue(ActorContext<Command> ctx, QuickstartSpec spec, List<ActorRef<SlotCommand>> slots,
        List<JobRecord> records, InstantSource clock) {
      this.ctx = ctx;
      this.spec = spec;
      this.idle = new ArrayDeque<>(slots);
      this.records = records;
      this.clock = clock;
    }

    Behavior<Command> behavior() {
      if (spec.jobs() == 0) {
        return Behaviors.stopped();
      }
      return Behaviors.receive(Command.class)
          .onMessage(Submit.class, this::onSubmit)
          .onMessage(Finished.class, this::onFinished)
          .build();
    }

    private Behavior<Command> onSubmit(Submit s) {
      records.add(new JobRecord(s.jobId(), clock.instant(), Optional.empty(), Optional.empty(), ""));
      waiting.addLast(s.jobId());
      dispatch();
      return Behaviors.same();
    }

    private Behavior<Command> onFinished(Finished f) {
      JobRecord r = records.get(f.jobId() - 1);
      records.set(f.jobId() - 1, new JobRecord(r.id(), r.submitted(), r.started(), Optional.of(clock.instant()), r.slot()));
      idle.addLast(f.slot());
      dispatch();
      return ++ended == spec.jobs() ? Behaviors.stopped() : Behaviors.same();
    }

    private void dispatch() {
      Instant now = clock.instant();
      while (!waiting.isEmpty() && !idle.isEmpty()) {
        int job = waiting.pollFirst();
        ActorRef<SlotCommand> slot = idle.pollFirst();
        JobRecord r = records.get(job - 1);
        records.set(job - 1, new JobRecord(job, r.submitted(), Optional.of(now), Optional.empty(), slot.path().name()));
        slot.tell(new Run(job));
      }
    }
  }
}
