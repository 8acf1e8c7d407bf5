package org.pilotpool.fcfs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * First come, first served over a fixed set of single-core slots, as plain logic: jobs wait in
 * submission order; the job at the head starts as soon as enough slots are idle and takes them
 * from the front of the idle list (slots become idle at its back, in the order they were freed).
 * No backfilling: a job that needs more slots than are idle blocks every job behind it, so start
 * order always equals submission order.
 *
 * <p>A job needs between 1 and {@link #capacity()} slots; larger jobs could never start and are
 * refused by {@link #submit} (callers check {@link #fits} first).
 *
 * @param <J> what the caller keeps for a job while it waits
 */
public final class FcfsScheduler<J> {
  /**
   * A job that starts now.
   *
   * @param job the caller's job
   * @param slots the slots it holds (indices from 0), to hand back to {@link #release}
   */
  public record Placement<J>(J job, int[] slots) {}

  private record Waiting<J>(J job, int slots) {}

  private final int capacity;
  private final ArrayDeque<Waiting<J>> waiting = new ArrayDeque<>();
  private final ArrayDeque<Integer> idle = new ArrayDeque<>();

  /** A pool of {@code slots} idle slots, numbered 0 to {@code slots - 1}. */
  public FcfsScheduler(int slots) {
    if (slots < 1) {
      throw new IllegalArgumentException("a pool needs at least one slot: " + slots);
    }
    this.capacity = slots;
    for (int i = 0; i < slots; i++) {
      idle.addLast(i);
    }
  }

  public int capacity() {
    return capacity;
  }

  /** Whether a job needing {@code slots} slots can ever start here. */
  public boolean fits(int slots) {
    return slots >= 1 && slots <= capacity;
  }

  /** Queues a job behind those already waiting; returns the jobs that start now. */
  public List<Placement<J>> submit(J job, int slots) {
    if (!fits(slots)) {
      throw new IllegalArgumentException(
          "a job needing " + slots + " slots never fits a pool of " + capacity);
    }
    waiting.addLast(new Waiting<>(job, slots));
    return dispatch();
  }

  /** Frees the slots of a job that ended; returns the jobs that start now. */
  public List<Placement<J>> release(int[] slots) {
    for (int s : slots) {
      idle.addLast(s);
    }
    return dispatch();
  }

  /** Jobs queued and not started. */
  public int waiting() {
    return waiting.size();
  }

  /** Slots holding a job. */
  public int busy() {
    return capacity - idle.size();
  }

  private List<Placement<J>> dispatch() {
    List<Placement<J>> started = List.of();
    while (!waiting.isEmpty() && waiting.peekFirst().slots() <= idle.size()) {
      Waiting<J> w = waiting.pollFirst();
      int[] taken = new int[w.slots()];
      for (int i = 0; i < taken.length; i++) {
        taken[i] = idle.pollFirst();
      }
      if (started.isEmpty()) {
        started = new ArrayList<>(2);
      }
      started.add(new Placement<>(w.job(), taken));
    }
    return started;
  }
}
