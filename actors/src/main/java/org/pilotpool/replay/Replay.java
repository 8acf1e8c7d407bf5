package org.pilotpool.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.pilotpool.kernel.PoolContext;

/**
 * A trace replayed against a pool: the root of a replay run. It spawns the pool and a {@link
 * TraceSubmitter}, passes each arrival to the pool and every job event to the listener, and stops
 * (ending the simulation) once the trace is exhausted and every submitted job has ended or been
 * rejected, or at once when the trace could not be read to its end ({@link
 * ArrivalStream#failure()}).
 */
public final class Replay {
  private Replay() {}

  /** What the replay hears. */
  public sealed interface Command {}

  record Arrived(ReplayJob job) implements Command {}

  record ArrivalsEnded(long jobs) implements Command {}

  record FromPool(ReplayPool.JobEvent event) implements Command {}

  /**
   * @param arrivals the trace, read as the run goes
   * @param pool the pool to feed; spawned as a child named {@code pool}
   * @param listener told about every job
   */
  public static Behavior<Command> create(
      ArrivalStream arrivals, Behavior<ReplayPool.Command> pool, ReplayListener listener) {
    return Behaviors.setup(ctx -> {
      InstantSource clock = PoolContext.get(ctx.getSystem()).clock();
      Instant start = clock.instant();
      ActorRef<ReplayPool.Command> poolRef = ctx.spawn(pool, "pool");
      ActorRef<ReplayPool.JobEvent> events = ctx.messageAdapter(ReplayPool.JobEvent.class, FromPool::new);
      ctx.spawn(TraceSubmitter.create(arrivals, start, ctx.getSelf()), "submitter");
      long[] done = {0};
      long[] expected = {-1};
      return Behaviors.receive(Command.class)
          .onMessage(Arrived.class, a -> {
            listener.submitted(a.job(), nanos(start, clock.instant()));
            poolRef.tell(new ReplayPool.Submit(a.job(), events));
            return Behaviors.same();
          })
          .onMessage(FromPool.class, f -> {
            ReplayPool.JobEvent event = f.event();
            if (event instanceof ReplayPool.Started s) {
              listener.started(s.job(), nanos(start, s.at()), s.slot());
              return Behaviors.same();
            }
            if (event instanceof ReplayPool.Ended e) {
              listener.ended(e.job(), nanos(start, e.started()), nanos(start, e.ended()), e.slot());
            } else if (event instanceof ReplayPool.Rejected r) {
              listener.rejected(r.job(), nanos(start, r.at()), r.reason());
            }
            done[0]++;
            return done[0] == expected[0] ? Behaviors.stopped() : Behaviors.same();
          })
          .onMessage(ArrivalsEnded.class, e -> {
            expected[0] = e.jobs();
            boolean over = arrivals.failure().isPresent() || done[0] == expected[0];
            return over ? Behaviors.stopped() : Behaviors.same();
          })
          .build();
    });
  }

  private static long nanos(Instant start, Instant at) {
    return Duration.between(start, at).toNanos();
  }
}
