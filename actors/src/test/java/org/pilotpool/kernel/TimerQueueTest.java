package org.pilotpool.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimerQueueTest {
  private record Entry(long due, long seq, TimerTask task) {}

  private static TimerTask task() {
    return new TimerTask(0L, () -> {});
  }

  @Test
  void pollsInDueOrderThenInsertionSequenceWhateverTheInsertionOrder() {
    SplittableRandom random = new SplittableRandom(7);
    TimerQueue queue = new TimerQueue();
    List<Entry> entries = new ArrayList<>();
    for (int seq = 0; seq < 5_000; seq++) {
      // Few distinct instants, so that many entries tie on due and only the sequence orders them.
      Entry e = new Entry(random.nextLong(50), seq, task());
      entries.add(e);
      queue.add(e.task(), e.due(), e.seq());
    }
    entries.sort(Comparator.comparingLong(Entry::due).thenComparingLong(Entry::seq));
    for (Entry expected : entries) {
      assertEquals(expected.due(), queue.peekDue());
      assertSame(expected.task(), queue.poll());
    }
    assertTrue(queue.isEmpty());
    assertNull(queue.peek());
  }

  @Test
  void rekeyingTheFirstTimerMovesItBehindEveryEarlierKey() {
    TimerQueue queue = new TimerQueue();
    TimerTask periodic = task();
    TimerTask sameInstant = task();
    TimerTask later = task();
    queue.add(periodic, 10, 0);
    queue.add(sameInstant, 20, 1);
    queue.add(later, 30, 2);

    queue.rekeyFirst(20, 3);

    assertSame(sameInstant, queue.poll());
    assertSame(periodic, queue.poll());
    assertSame(later, queue.poll());
  }

  @Test
  void aFullQueueDropsItsCancelledTimersAndTheLiveOnesKeepTheirOrder() {
    SplittableRandom random = new SplittableRandom(11);
    TimerQueue queue = new TimerQueue();
    List<Entry> all = new ArrayList<>();
    // Exactly fills the queue (a power of two), then cancels three timers in four.
    for (int seq = 0; seq < 1024; seq++) {
      Entry e = new Entry(random.nextLong(100), seq, task());
      queue.add(e.task(), e.due(), e.seq());
      all.add(e);
    }
    List<Entry> live = new ArrayList<>();
    for (Entry e : all) {
      if (e.seq() % 4 == 0) {
        live.add(e);
      } else {
        e.task().cancel();
      }
    }
    Entry last = new Entry(random.nextLong(100), 1024, task());
    queue.add(last.task(), last.due(), last.seq());
    live.add(last);

    live.sort(Comparator.comparingLong(Entry::due).thenComparingLong(Entry::seq));
    for (Entry expected : live) {
      assertEquals(expected.due(), queue.peekDue());
      assertSame(expected.task(), queue.poll());
    }
    assertTrue(queue.isEmpty(), "cancelled timers left in the queue");
  }

  @Test
  void aCancelledTimerNeitherRunsNorHoldsItsRunnable() throws InterruptedException {
    int[] runs = {0};
    Runnable runnable = () -> runs[0]++;
    WeakReference<Runnable> held = new WeakReference<>(runnable);
    TimerTask timer = new TimerTask(0L, runnable);
    runnable = null;

    assertTrue(timer.cancel());
    timer.run();

    assertEquals(0, runs[0]);
    for (int i = 0; i < 20 && held.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertNull(held.get(), "a cancelled timer still holds its runnable");
  }
}
