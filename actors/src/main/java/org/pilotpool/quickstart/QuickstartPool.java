package org.pilotpool.quickstart;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.pilotpool.fcfs.FcfsScheduler;
import org.pilotpool.kernel.PoolContext;

/**
 * The quickstart pool as actors: a submitter that draws arrivals, a queue that hands jobs to idle
 * slots in submission order ({@link FcfsScheduler}), and one actor per slot that runs a job for its
 * drawn run time. The queue stops once every job has ended, which ends the simulation.
 */
public final class QuickstartPool {
  private QuickstartPool() {}

  /** The root behaviour; {@code records} receives one entry per job, in submission order. */
  public static Behavior<Command> create(QuickstartSpec spec, List<JobRecord> records) {
    return Behaviors.setup(ctx -> {
      PoolContext pool = PoolContext.get(ctx.getSystem());
      List<ActorRef<SlotCommand>> slots = new ArrayList<>();
      for (int i = 0; i < spec.slots(); i++) {
        String name = "slot" + (i + 1);
        slots.add(ctx.spawn(slot(i, ctx.getSelf(), spec.meanRuntime(), pool.random(name)), name));
      }
      if (spec.jobs() > 0) {
        ctx.spawn(submitter(spec, ctx.getSelf(), pool.random("submitter")), "submitter");
      }
      return new Queue(spec, slots, records, pool.clock()).behavior();
    });
  }

  /** What the queue hears. */
  public sealed interface Command {}

  record Submit(int jobId) implements Command {}

  record Finished(int jobId, int slot) implements Command {}

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
      int index, ActorRef<Command> queue, Duration meanRuntime, RandomGenerator random) {
    return Behaviors.withTimers(timers -> {
      int[] running = {0};
      return Behaviors.receive(SlotCommand.class)
          .onMessage(Run.class, run -> {
            running[0] = run.jobId();
            timers.startSingleTimer(Done.INSTANCE, exponential(random, meanRuntime.toNanos()));
            return Behaviors.same();
          })
          .onMessageEquals(Done.INSTANCE, () -> {
            queue.tell(new Finished(running[0], index));
            return Behaviors.same();
          })
          .build();
    });
  }

  private static Duration exponential(RandomGenerator random, double meanNanos) {
    // At least 1 ns, so a zero draw cannot put two events of one job at the same instant.
    return Duration.ofNanos(Math.max(1L, Math.round(-meanNanos * Math.log(1.0 - random.nextDouble()))));
  }

  /** The queue's state: job ids scheduled first come, first served, one slot each. */
  private static final class Queue {
    private final QuickstartSpec spec;
    private final List<ActorRef<SlotCommand>> slots;
    private final FcfsScheduler<Integer> scheduler;
    private final List<JobRecord> records;
    private final InstantSource clock;
    private int ended;

    Queue(QuickstartSpec spec, List<ActorRef<SlotCommand>> slots,
        List<JobRecord> records, InstantSource clock) {
      this.spec = spec;
      this.slots = slots;
      this.scheduler = new FcfsScheduler<>(slots.size());
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
      start(scheduler.submit(s.jobId(), 1));
      return Behaviors.same();
    }

    private Behavior<Command> onFinished(Finished f) {
      JobRecord r = records.get(f.jobId() - 1);
      records.set(f.jobId() - 1, new JobRecord(r.id(), r.submitted(), r.started(), Optional.of(clock.instant()), r.slot()));
      start(scheduler.release(new int[] {f.slot()}));
      return ++ended == spec.jobs() ? Behaviors.stopped() : Behaviors.same();
    }

    private void start(List<FcfsScheduler.Placement<Integer>> placements) {
      Instant now = clock.instant();
      for (FcfsScheduler.Placement<Integer> p : placements) {
        int job = p.job();
        ActorRef<SlotCommand> slot = slots.get(p.slots()[0]);
        JobRecord r = records.get(job - 1);
        records.set(job - 1, new JobRecord(job, r.submitted(), Optional.of(now), Optional.empty(), slot.path().name()));
        slot.tell(new Run(job));
      }
    }
  }
}
