package org.pilotpool.kernel;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Runs a tree of Pekko typed actors in deterministic virtual time: builds an actor system bound to
 * a fresh {@link VirtualTimeKernel}, starts the root behaviour, runs until the virtual end, until
 * nothing is left to do, or until the root actor stops, then terminates the system cleanly.
 *
 * <p>The root behaviour is spawned only after {@code ActorSystem.create} has returned, so that no
 * user actor runs on the start-up helper thread: everything a scenario does happens on the
 * caller's thread, in one deterministic order.
 */
public final class Simulation {
  /** Binds an actor system's scheduler and dispatcher to a kernel. */
  public static final String KERNEL_ID_KEY = "pilotpool.kernel.id";

  private final Config config;
  private final Instant epoch;

  private Simulation(Config config, Instant epoch) {
    this.config = config;
    this.epoch = epoch;
  }

  /**
   * @param config the run's configuration (its {@code pilotpool.seed} seeds every entity's random
   *     stream); Pekko's own settings fall back to its reference configuration
   * @param epoch the virtual instant at which the run starts
   */
  public static Simulation create(Config config, Instant epoch) {
    return new Simulation(config, epoch);
  }

  /** Runs {@code root} for at most {@code duration} of virtual time. */
  public <T> SimulationResult run(Behavior<T> root, Duration duration, ProgressListener progress) {
    VirtualTimeKernel kernel = VirtualTimeKernel.create(epoch);
    ActorSystem<Start> system;
    try (AutoCloseable drainer = kernel.startStartupDrainer()) {
      system = ActorSystem.create(guardian(root, kernel), "pilotpool", systemConfig(kernel));
    } catch (Exception e) {
      kernel.unregister();
      throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
    }
    try {
      // How much of start-up ran on the helper thread varies from run to run; settle the rest
      // and count from here, so that the event counts a run reports are reproducible too.
      kernel.settle();
      long tasksBefore = kernel.tasksRun();
      long timersBefore = kernel.timersFired();
      system.tell(Start.INSTANCE);
      VirtualTimeKernel.Outcome outcome = kernel.run(duration, progress);
      Instant reached = kernel.clock().instant();
      SimulationResult result = new SimulationResult(outcome, epoch, reached,
          kernel.tasksRun() - tasksBefore, kernel.timersFired() - timersBefore);
      terminate(system, kernel);
      return result;
    } finally {
      kernel.unregister();
    }
  }

  private static void terminate(ActorSystem<?> system, VirtualTimeKernel kernel) {
    system.terminate();
    boolean done = kernel.runUntil(() -> system.whenTerminated().isCompleted());
    if (!done) {
      throw new IllegalStateException("actor system did not terminate: nothing left to run");
    }
  }

  private Config systemConfig(VirtualTimeKernel kernel) {
    Map<String, Object> kernelSettings = Map.of(
        KERNEL_ID_KEY, kernel.id(),
        "pekko.scheduler.implementation", VirtualScheduler.class.getName(),
        "pekko.actor.default-dispatcher.executor", VirtualExecutorConfigurator.class.getName(),
        "pekko.actor.typed.default-mailbox.mailbox-type", KernelMailbox.class.getName());
    Config fixed = ConfigFactory.parseString(String.join("\n",
        // One thread for everything: the internal dispatcher is the default one.
        "pekko.actor.internal-dispatcher = \"pekko.actor.default-dispatcher\"",
        // Nothing may outlive the run or hook into the JVM's exit.
        "pekko.jvm-shutdown-hooks = off",
        "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off",
        "pekko.loggers = [\"org.apache.pekko.event.slf4j.Slf4jLogger\"]",
        "pekko.logging-filter = \"org.apache.pekko.event.slf4j.Slf4jLoggingFilter\"",
        "pekko.log-dead-letters-during-shutdown = off"));
    return ConfigFactory.parseMap(kernelSettings)
        .withFallback(fixed)
        .withFallback(config)
        .withFallback(ConfigFactory.defaultReference())
        .resolve();
  }

  /** The guardian's only message: spawn the root now that start-up is over. */
  enum Start {
    INSTANCE
  }

  private static <T> Behavior<Start> guardian(Behavior<T> root, VirtualTimeKernel kernel) {
    return Behaviors.receive(Start.class)
        .onMessage(Start.class, start -> Behaviors.setup(ctx -> {
          ctx.watch(ctx.spawn(root, "root"));
          return Behaviors.receive(Start.class)
              .onSignal(Terminated.class, t -> {
                kernel.requestStop();
                return Behaviors.stopped();
              })
              .build();
        }))
        .build();
  }
}
