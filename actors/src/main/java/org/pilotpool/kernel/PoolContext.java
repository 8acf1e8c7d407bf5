package org.pilotpool.kernel;

import com.typesafe.config.Config;
import java.time.InstantSource;
import java.util.random.RandomGenerator;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.pilotpool.model.random.RandomStreams;

/**
 * The port through which behaviours reach time and randomness: the virtual clock and seeded
 * per-entity streams in simulation, the system clock in serve mode. Behaviours ask this and never
 * the JVM, so the same classes run under both.
 */
public final class PoolContext implements Extension {
  /** The root key of the master seed, read when the actor system starts. */
  public static final String SEED_KEY = "pilotpool.seed";

  private static final ExtensionId<PoolContext> ID = new ExtensionId<>() {
    @Override
    public PoolContext createExtension(ActorSystem<?> system) {
      Config config = system.settings().config();
      long seed = config.hasPath(SEED_KEY) ? config.getLong(SEED_KEY) : 0L;
      InstantSource clock = config.hasPath(Simulation.KERNEL_ID_KEY)
          ? VirtualTimeKernel.lookup(config.getString(Simulation.KERNEL_ID_KEY)).clock()
          : InstantSource.system();
      return new PoolContext(clock, new RandomStreams(seed));
    }
  };

  private final InstantSource clock;
  private final RandomStreams random;

  private PoolContext(InstantSource clock, RandomStreams random) {
    this.clock = clock;
    this.random = random;
  }

  public static PoolContext get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  public InstantSource clock() {
    return clock;
  }

  /** The entity's own stream, derived from (seed, stable id): independent of spawn order. */
  public RandomGenerator random(String stableId) {
    return random.forEntity(stableId);
  }

  public RandomStreams streams() {
    return random;
  }
}
