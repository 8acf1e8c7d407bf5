package org.pilotpool.fcfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FcfsSchedulerTest {
  @Test
  void idleSlotsAreHandedOutInTheOrderTheyWereFreed() {
    FcfsScheduler<String> s = new FcfsScheduler<>(2);
    int[] a = s.submit("a", 1).get(0).slots();
    int[] b = s.submit("b", 1).get(0).slots();
    s.release(b);
    s.release(a);
    assertArrayEquals(b, s.submit("c", 1).get(0).slots());
  }

  @Test
  void aWideJobAtTheHeadHoldsBackNarrowerJobsBehindIt() {
    FcfsScheduler<String> s = new FcfsScheduler<>(4);
    int[] first = s.submit("three", 3).get(0).slots();
    assertTrue(s.submit("four", 4).isEmpty(), "only one slot is idle");
    assertTrue(s.submit("one", 1).isEmpty(), "no backfilling past the waiting wide job");
    assertEquals(2, s.waiting());
    List<FcfsScheduler.Placement<String>> started = s.release(first);
    assertEquals(List.of("four"), started.stream().map(FcfsScheduler.Placement::job).toList());
    assertEquals(4, s.busy());
  }

  @Test
  void aJobWiderThanThePoolNeverFits() {
    FcfsScheduler<String> s = new FcfsScheduler<>(2);
    assertFalse(s.fits(3));
    assertThrows(IllegalArgumentException.class, () -> s.submit("big", 3));
  }
}
