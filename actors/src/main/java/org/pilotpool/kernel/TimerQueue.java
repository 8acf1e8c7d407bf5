package org.pilotpool.kernel;

import java.util.Arrays;

/**
 * The kernel's pending timers, ordered by due instant, then by insertion sequence.
 *
 * <p>A 4-ary min-heap whose keys (due, sequence) sit side by side in one {@code long} array,
 * apart from the tasks. With a timer per actor, a heap of {@link TimerTask} objects compared
 * through their fields reads one scattered, cold object per comparison: some thirty per timer
 * fired at 100k actors. Here a comparison reads the key array only, and the four children of a
 * node share a cache line or two, so taking the next timer reads about one line per level of a
 * shallow tree.
 */
final class TimerQueue {
  private static final int ARITY = 4;

  /** {@code keys[2 * i]} is entry i's due instant, {@code keys[2 * i + 1]} its sequence. */
  private long[] keys = new long[2 * 16];
  private TimerTask[] tasks = new TimerTask[16];
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  /** The first timer, or null when none is pending. */
  TimerTask peek() {
    return size == 0 ? null : tasks[0];
  }

  /** The due instant of {@link #peek()}; only when not empty. */
  long peekDue() {
    return keys[0];
  }

  /**
   * Adds a timer. A full queue first drops its cancelled timers, which otherwise stay until due
   * (a job's proxy-expiry timer, days away, outlives the job): it grows only if that frees less
   * than half. A purge costs the size of the queue and comes at most once per half a queue of
   * additions.
   */
  void add(TimerTask task, long due, long seq) {
    if (size == tasks.length) {
      purgeCancelled();
      if (size > tasks.length / 2) {
        tasks = Arrays.copyOf(tasks, tasks.length * 2);
        keys = Arrays.copyOf(keys, keys.length * 2);
      }
    }
    siftUp(size++, task, due, seq);
  }

  /**
   * Keeps the live timers and rebuilds the heap bottom-up. Keys are unique, so the timers come out
   * in the same order as before, however the array is laid out.
   */
  private void purgeCancelled() {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (tasks[i].isLive()) {
        put(kept++, tasks[i], keys[2 * i], keys[2 * i + 1]);
      }
    }
    Arrays.fill(tasks, kept, size, null);
    size = kept;
    for (int i = (size - 2) / ARITY; i >= 0; i--) {
      siftDown(i, tasks[i], keys[2 * i], keys[2 * i + 1]);
    }
  }

  /** Removes the first timer; only when not empty. */
  TimerTask poll() {
    TimerTask first = tasks[0];
    int last = --size;
    TimerTask moved = tasks[last];
    tasks[last] = null;
    if (last > 0) {
      siftDown(0, moved, keys[2 * last], keys[2 * last + 1]);
    }
    return first;
  }

  /**
   * Gives the first timer a new key in place: a periodic timer's next firing costs one pass down
   * the tree instead of a removal and an insertion. Only when not empty.
   */
  void rekeyFirst(long due, long seq) {
    siftDown(0, tasks[0], due, seq);
  }

  private void siftUp(int hole, TimerTask task, long due, long seq) {
    while (hole > 0) {
      int parent = (hole - 1) / ARITY;
      long pDue = keys[2 * parent];
      if (pDue < due || (pDue == due && keys[2 * parent + 1] < seq)) {
        break;
      }
      put(hole, tasks[parent], pDue, keys[2 * parent + 1]);
      hole = parent;
    }
    put(hole, task, due, seq);
  }

  private void siftDown(int hole, TimerTask task, long due, long seq) {
    int n = size;
    while (true) {
      int first = ARITY * hole + 1;
      if (first >= n) {
        break;
      }
      int end = Math.min(first + ARITY, n);
      int min = first;
      long minDue = keys[2 * first];
      long minSeq = keys[2 * first + 1];
      for (int c = first + 1; c < end; c++) {
        long cDue = keys[2 * c];
        if (cDue < minDue || (cDue == minDue && keys[2 * c + 1] < minSeq)) {
          min = c;
          minDue = cDue;
          minSeq = keys[2 * c + 1];
        }
      }
      if (due < minDue || (due == minDue && seq < minSeq)) {
        break;
      }
      put(hole, tasks[min], minDue, minSeq);
      hole = min;
    }
    put(hole, task, due, seq);
  }

  private void put(int i, TimerTask task, long due, long seq) {
    tasks[i] = task;
    keys[2 * i] = due;
    keys[2 * i + 1] = seq;
  }
}
