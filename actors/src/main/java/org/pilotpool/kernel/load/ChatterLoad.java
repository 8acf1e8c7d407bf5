package org.pilotpool.kernel.load;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.pilotpool.kernel.PoolContext;

/**
 * A fixed synthetic load for the kernel: {@code actors} actors, each woken by its own periodic
 * timer, start a message that hops {@code hops} times between randomly chosen peers. It exercises
 * what a pool simulation does most (timers, tells to many actors) with nothing else in the way, and
 * is used by the kernel benchmark and the kernel's scale tests.
 */
public final class ChatterLoad {
  /** What to run. */
  public record Spec(int actors, Duration period, int hops) {
    public Spec {
      if (actors < 1 || hops < 1 || period.isZero() || period.isNegative()) {
        throw new IllegalArgumentException("need actors >= 1, hops >= 1, period > 0: " + this);
      }
    }
  }

  /** What happened; filled in as the run goes (one thread, so plain fields). */
  public static final class Counts {
    long ticks;
    long messages;

    public long ticks() {
      return ticks;
    }

    /** Hop messages delivered. */
    public long messages() {
      return messages;
    }
  }

  private ChatterLoad() {}

  /** The root behaviour; {@code counts} is filled in as it runs. */
  public static Behavior<Void> create(Spec spec, Counts counts) {
    return Behaviors.setup(ctx -> {
      @SuppressWarnings("unchecked")
      ActorRef<Command>[] peers = new ActorRef[spec.actors()];
      PoolContext pool = PoolContext.get(ctx.getSystem());
      for (int i = 0; i < peers.length; i++) {
        peers[i] = ctx.spawn(member(spec, peers, counts, pool.random("chatter-" + i)), "m" + i);
      }
      return Behaviors.empty();
    });
  }

  sealed interface Command {}

  private enum Tick implements Command {
    INSTANCE
  }

  private record Hop(int remaining) implements Command {}

  private static Behavior<Command> member(
      Spec spec, ActorRef<Command>[] peers, Counts counts, RandomGenerator random) {
    // Named up front, as every daemon does: otherwise Pekko names each actor's logger by walking
    // the stack at its first timer message.
    return Behaviors.setup(ctx -> {
      ctx.setLoggerName(ChatterLoad.class);
      return Behaviors.withTimers(timers -> member(spec, peers, counts, random, timers));
    });
  }

  private static Behavior<Command> member(Spec spec, ActorRef<Command>[] peers, Counts counts,
      RandomGenerator random, TimerScheduler<Command> timers) {
    long periodNanos = spec.period().toNanos();
    // A random phase so the actors' timers spread over the period instead of firing together.
    timers.startTimerAtFixedRate(
        Tick.INSTANCE, Duration.ofNanos(1 + random.nextLong(periodNanos)), spec.period());
    return Behaviors.receive(Command.class)
        .onMessageEquals(Tick.INSTANCE, () -> {
          counts.ticks++;
          peers[random.nextInt(peers.length)].tell(new Hop(spec.hops()));
          return Behaviors.same();
        })
        .onMessage(Hop.class, hop -> {
          counts.messages++;
          if (hop.remaining() > 1) {
            peers[random.nextInt(peers.length)].tell(new Hop(hop.remaining() - 1));
          }
          return Behaviors.same();
        })
        .build();
  }
}
