package org.pilotpool.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepSamplerTest {
  @Test
  void aSampleHoldsTheValueJustBeforeChangesAtItsInstant() {
    StepSampler s = new StepSampler(List.of("x"), 10, 100);
    s.advanceTo(0);
    s.add(0, 5);
    s.advanceTo(10);
    s.add(0, 1);
    s.advanceTo(25);
    assertEquals(3, s.size());
    assertEquals(List.of(0.0, 5.0, 6.0), List.of(s.value(0, 0), s.value(0, 1), s.value(0, 2)));
  }

  @Test
  void theGridCoarsensInsteadOfGrowingPastItsLimit() {
    StepSampler s = new StepSampler(List.of("x"), 10, 4);
    for (int t = 0; t <= 100; t += 10) {
      s.advanceTo(t);
      s.add(0, 1);
    }
    // 11 instants on a 10 ns grid do not fit 4 points: the grid became 40 ns (0, 40, 80).
    assertEquals(40, s.intervalNanos());
    assertEquals(3, s.size());
    assertEquals(List.of(0.0, 4.0, 8.0), List.of(s.value(0, 0), s.value(0, 1), s.value(0, 2)));
  }
}
