package org.pilotpool.kernel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The discrete-event core that Pekko's dispatcher and scheduler are plugged into for simulation.
 *
 * <p>Every dispatcher task (an actor's mailbox run) goes into one FIFO ready queue; every timer
 * into a queue ordered by due instant, then by insertion sequence. One thread drains the ready
 * queue; when it is empty nothing is in flight, so the clock may jump to the next due timer. This
 * gives Pekko actors deterministic, faster-than-real-time execution with no change to their code.
 *
 * <p>Threading: after start-up only the thread inside {@link #run} touches the queues. During
 * {@code ActorSystem.create} Pekko blocks the creating thread until its logger answers, so a
 * helper drains the ready queue meanwhile ({@link #startStartupDrainer}); while it runs, the
 * queues are guarded by a lock. Afterwards they are not: the lock would cost more than the rest
 * of a message's trip through the kernel.
 */
public final class VirtualTimeKernel {
  private static final ConcurrentHashMap<String, VirtualTimeKernel> REGISTRY = new ConcurrentHashMap<>();
  private static final AtomicLong IDS = new AtomicLong();
  private static final int PROGRESS_EVERY = 4096;

  /** Why {@link #run} returned. */
  public enum Outcome {
    /** The virtual end instant was reached with work still scheduled after it. */
    END_REACHED,
    /** Nothing was left to do: no task ready, no timer pending. */
    QUIESCENT,
    /** {@link #requestStop()} was called, typically because the simulation's root actor stopped. */
    STOPPED
  }

  private final String id;
  private final VirtualClock clock;
  private final Object lock = new Object();
  private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
  private final TimerQueue timers = new TimerQueue();
  private long timerSeq;
  private long tasksRun;
  private long timersFired;
  private volatile boolean stopRequested;
  private boolean startupDraining;
  // True from the start-up drainer's launch until it has been joined; written only around that
  // window, whose start and join order it with the run loop's reads.
  private volatile boolean shared;

  private VirtualTimeKernel(String id, Instant epoch) {
    this.id = id;
    this.clock = new VirtualClock(epoch);
  }

  /** A new kernel, registered so that the scheduler and dispatcher Pekko creates can find it. */
  public static VirtualTimeKernel create(Instant epoch) {
    String id = "kernel-" + IDS.incrementAndGet();
    VirtualTimeKernel k = new VirtualTimeKernel(id, epoch);
    REGISTRY.put(id, k);
    return k;
  }

  static VirtualTimeKernel lookup(String id) {
    VirtualTimeKernel k = REGISTRY.get(id);
    if (k == null) {
      throw new IllegalStateException("no virtual-time kernel registered as " + id);
    }
    return k;
  }

  /** Forgets the kernel; called once its actor system has terminated. */
  public void unregister() {
    REGISTRY.remove(id);
  }

  /** The value for the {@code pilotpool.kernel.id} setting that binds an actor system to this kernel. */
  public String id() {
    return id;
  }

  public VirtualClock clock() {
    return clock;
  }

  /** Mailbox runs and other dispatcher tasks executed so far. */
  public long tasksRun() {
    return tasksRun;
  }

  public long timersFired() {
    return timersFired;
  }

  /** True while a second thread may touch what the kernel runs: only during start-up. */
  boolean isShared() {
    return shared;
  }

  void execute(Runnable task) {
    if (!shared) {
      ready.addLast(task);
      return;
    }
    synchronized (lock) {
      ready.addLast(task);
      if (startupDraining) {
        lock.notifyAll();
      }
    }
  }

  TimerTask schedule(Duration delay, Duration period, Runnable runnable) {
    long delayNanos = Math.max(0L, saturatedNanos(delay));
    long periodNanos = period == null ? 0L : Math.max(1L, saturatedNanos(period));
    long due = saturatedAdd(clock.nanos(), delayNanos);
    TimerTask t = new TimerTask(periodNanos, runnable);
    if (!shared) {
      timers.add(t, due, timerSeq++);
      return t;
    }
    synchronized (lock) {
      timers.add(t, due, timerSeq++);
      return t;
    }
  }

  /** Asks {@link #run} to return after the task it is running; safe from any actor. */
  public void requestStop() {
    stopRequested = true;
  }

  /**
   * Runs until the virtual instant {@code epoch + end}, until nothing is left to do, or until a
   * stop is requested, whichever comes first. Timers due exactly at the end still fire.
   */
  public Outcome run(Duration end, ProgressListener progress) {
    long endNanos = saturatedNanos(end);
    long sinceProgress = 0;
    while (true) {
      Runnable task;
      while ((task = pollReady()) != null) {
        task.run();
        tasksRun++;
        if (++sinceProgress == PROGRESS_EVERY) {
          sinceProgress = 0;
          progress.onProgress(clock.nanos(), endNanos, tasksRun + timersFired);
        }
        if (stopRequested) {
          return Outcome.STOPPED;
        }
      }
      if (stopRequested) {
        return Outcome.STOPPED;
      }
      if (!dropCancelledTimers()) {
        return Outcome.QUIESCENT;
      }
      long due = timers.peekDue();
      if (due > endNanos) {
        clock.advanceTo(Math.max(clock.nanos(), endNanos));
        return Outcome.END_REACHED;
      }
      clock.advanceTo(due);
      fireDueTimers();
      progress.onProgress(clock.nanos(), endNanos, tasksRun + timersFired);
    }
  }

  /** Runs every ready task without moving the clock: what start-up left queued settles first. */
  public void settle() {
    Runnable task;
    while ((task = pollReady()) != null) {
      task.run();
      tasksRun++;
    }
  }

  /**
   * Runs ready tasks and timers until {@code done} holds or nothing is left, letting the clock move
   * past any end: used to let an actor system terminate cleanly.
   */
  public boolean runUntil(java.util.function.BooleanSupplier done) {
    while (!done.getAsBoolean()) {
      Runnable task = pollReady();
      if (task != null) {
        task.run();
        tasksRun++;
        continue;
      }
      if (!dropCancelledTimers()) {
        return done.getAsBoolean();
      }
      clock.advanceTo(timers.peekDue());
      fireDueTimers();
    }
    return true;
  }

  /**
   * Starts a thread that runs ready tasks while {@code ActorSystem.create} blocks the caller
   * waiting for the logger to start; without it the logger never answers and start-up fails after
   * {@code pekko.logger-startup-timeout}. Close the returned handle once create has returned.
   */
  AutoCloseable startStartupDrainer() {
    shared = true;
    synchronized (lock) {
      startupDraining = true;
    }
    Thread t = new Thread(this::drainDuringStartup, "pilotpool-kernel-startup");
    t.setDaemon(true);
    t.start();
    return () -> {
      synchronized (lock) {
        startupDraining = false;
        lock.notifyAll();
      }
      t.join();
      shared = false;
    };
  }

  private void drainDuringStartup() {
    while (true) {
      Runnable task;
      synchronized (lock) {
        while (ready.isEmpty() && startupDraining) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        if (!startupDraining) {
          return;
        }
        task = ready.pollFirst();
      }
      task.run();
      tasksRun++;
    }
  }

  // The run loop only ever executes on one thread once start-up is over (see the class comment),
  // so the methods below need no lock.
  private Runnable pollReady() {
    return ready.pollFirst();
  }

  /** Drops cancelled timers from the front; true if a live timer is left. */
  private boolean dropCancelledTimers() {
    TimerTask t;
    while ((t = timers.peek()) != null && !t.isLive()) {
      timers.poll();
    }
    return t != null;
  }

  /**
   * Runs every timer due now, in (due, sequence) order. A timer's runnable is run right here
   * rather than handed to its executor: the ready queue is empty when timers fire, so the order is
   * the same, and Pekko's timer runnables only enqueue a message.
   */
  private void fireDueTimers() {
    long now = clock.nanos();
    while (!timers.isEmpty() && timers.peekDue() <= now) {
      TimerTask t = timers.peek();
      if (!t.isLive()) {
        timers.poll();
        continue;
      }
      if (t.periodNanos > 0) {
        timers.rekeyFirst(saturatedAdd(timers.peekDue(), t.periodNanos), timerSeq++);
      } else {
        timers.poll();
        t.markDone();
      }
      timersFired++;
      t.run();
    }
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException overflow) {
      return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }
}
