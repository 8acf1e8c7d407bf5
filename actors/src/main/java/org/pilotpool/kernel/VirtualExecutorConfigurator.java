package org.pilotpool.kernel;

import com.typesafe.config.Config;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.dispatch.DispatcherPrerequisites;
import org.apache.pekko.dispatch.ExecutorServiceConfigurator;
import org.apache.pekko.dispatch.ExecutorServiceFactory;

/**
 * The executor of the default dispatcher in virtual time (set as its {@code executor}): it only
 * queues tasks on the kernel; the kernel's thread runs them. Caller-runs in effect, on one thread,
 * in submission order.
 */
public final class VirtualExecutorConfigurator extends ExecutorServiceConfigurator {
  private final VirtualTimeKernel kernel;

  public VirtualExecutorConfigurator(Config config, DispatcherPrerequisites prerequisites) {
    super(config, prerequisites);
    this.kernel = VirtualTimeKernel.lookup(prerequisites.settings().config().getString(Simulation.KERNEL_ID_KEY));
  }

  @Override
  public ExecutorServiceFactory createExecutorServiceFactory(String id, ThreadFactory threadFactory) {
    return () -> new KernelExecutor(kernel);
  }

  /** Shutting down is a no-op: the kernel owns the only thread and outlives the dispatcher. */
  private static final class KernelExecutor extends AbstractExecutorService {
    private final VirtualTimeKernel kernel;
    private volatile boolean shutdown;

    KernelExecutor(VirtualTimeKernel kernel) {
      this.kernel = kernel;
    }

    @Override
    public void execute(Runnable command) {
      kernel.execute(command);
    }

    @Override
    public void shutdown() {
      shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
      shutdown = true;
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return shutdown;
    }

    @Override
    public boolean isTerminated() {
      return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return shutdown;
    }
  }
}
