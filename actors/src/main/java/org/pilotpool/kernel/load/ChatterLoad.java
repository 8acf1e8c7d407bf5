package org.pilotpool.kernel.load;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.ExtensibleBehavior;
import org.apache.pekko.actor.typed.Signal;
import org.apache.pekko.actor.typed.TypedActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.pilotpool.kernel.PoolContext;

/**
 * A fixed synthetic load for the kernel: {@code actors} actors, each woken by its own periodic
 * timer on the kernel's scheduler, start a message that hops {@code hops} times between randomly
 * chosen peers. It exercises what a pool simulation does most (timers, tells to many actors) with
 * nothing else in the way, and is used by the kernel benchmark and the kernel's scale tests.
 */
public final class ChatterLoad {
  /** What to run. */
  public record Spec(int actors, Duration period, int hops) {
    public Spec {
      if (actors < 1 || hops < 1 || period.isZero() || period.isNegative()) {
        throw new IllegalArgumentException("need actors >= 1, hops >= 1, period > 0; got actors "
            + actors + ", hops " + hops + ", period " + period);
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
    return Behaviors.setup(ctx -> {
      // A random phase so the actors' timers spread over the period instead of firing together.
      Duration phase = Duration.ofNanos(1 + random.nextLong(spec.period().toNanos()));
      ActorRef<Command> self = ctx.getSelf();
      ctx.getSystem().scheduler().scheduleAtFixedRate(
          phase, spec.period(), () -> self.tell(Tick.INSTANCE), ctx.getExecutionContext());
      return new Member(spec.hops(), peers, counts, random.nextLong());
    });
  }

  /**
   * A member is one object: the behaviour, its state and its generator. Every object a message
   * touches is a likely cache miss when 100,000 actors take turns, so the load keeps to the
   * objects Pekko itself needs.
   */
  private static final class Member extends ExtensibleBehavior<Command> {
    private final int hops;
    private final ActorRef<Command>[] peers;
    private final Counts counts;
    /** A 64-bit LCG seeded from the member's own stream: a field instead of a generator object. */
    private long state;

    Member(int hops, ActorRef<Command>[] peers, Counts counts, long seed) {
      this.hops = hops;
      this.peers = peers;
      this.counts = counts;
      this.state = seed;
    }

    @Override
    public Behavior<Command> receive(TypedActorContext<Command> ctx, Command m) {
      int remaining;
      if (m instanceof Hop hop) {
        counts.messages++;
        remaining = hop.remaining() - 1;
      } else {
        counts.ticks++;
        remaining = hops;
      }
      if (remaining > 0) {
        state = state * 6364136223846793005L + 1442695040888963407L;
        peers[(int) ((state >>> 33) % peers.length)].tell(new Hop(remaining));
      }
      return this;
    }

    @Override
    public Behavior<Command> receiveSignal(TypedActorContext<Command> ctx, Signal signal) {
      return this;
    }
  }
}
