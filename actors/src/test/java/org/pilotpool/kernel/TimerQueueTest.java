package org.pilotpool.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
