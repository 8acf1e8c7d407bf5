package org.pilotpool.kernel;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import org.apache.pekko.actor.AbstractScheduler;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.event.LoggingAdapter;
import scala.concurrent.ExecutionContext;
import scala.concurrent.duration.FiniteDuration;

/**
 * Pekko's scheduler in virtual time, selected with {@code pekko.scheduler.implementation}. Pekko
 * constructs it reflectively with this exact constructor; it finds its kernel through the
 * {@code pilotpool.kernel.id} setting. Typed timers, ask timeouts and system timeouts all go
 * through it, so none of them waits on the wall clock. Due runnables run on the kernel's thread,
 * whatever execution context they name: in a simulation there is no other thread.
 */
public final class VirtualScheduler extends AbstractScheduler {
  private final VirtualTimeKernel kernel;

  public VirtualScheduler(Config config, LoggingAdapter log, ThreadFactory threadFactory) {
    this.kernel = VirtualTimeKernel.lookup(config.getString(Simulation.KERNEL_ID_KEY));
  }

  @Override
  public Cancellable scheduleOnce(FiniteDuration delay, Runnable runnable, ExecutionContext executor) {
    return kernel.schedule(Duration.ofNanos(delay.toNanos()), null, runnable);
  }

  @Override
  public Cancellable schedule(
      FiniteDuration initialDelay, FiniteDuration interval, Runnable runnable, ExecutionContext executor) {
    return kernel.schedule(
        Duration.ofNanos(initialDelay.toNanos()), Duration.ofNanos(interval.toNanos()), runnable);
  }

  /** Any frequency: virtual time has no tick to resolve. */
  @Override
  public double maxFrequency() {
    return 1.0e9;
  }
}
