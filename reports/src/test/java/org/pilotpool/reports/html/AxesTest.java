package org.pilotpool.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pilotpool.reports.model.TimeSeries;
import org.pilotpool.reports.model.TimeSeries.Shape;

class AxesTest {
  private static TimeSeries series(double[] t, double[] v) {
    return TimeSeries.of("s", Shape.LINE, t, v);
  }

  @Test
  void axesSpanEverySeriesFromZeroWithHeadroom() {
    Axes axes = Axes.spanning(List.of(
        series(new double[] {0, 60}, new double[] {3, 500}),
        series(new double[] {0, 120}, new double[] {1, 14})));
    assertEquals(0, axes.tMin());
    assertEquals(120, axes.tMax());
    assertEquals(0, axes.yMin());
    assertTrue(axes.yMax() > 500 && axes.yMax() < 550, "yMax " + axes.yMax());
    assertTrue(axes.wholeNumbers());
  }

  @Test
  void negativeValuesExtendTheRangeBelowZero() {
    Axes axes = Axes.spanning(List.of(series(new double[] {0, 1}, new double[] {-2.5, 1})));
    assertEquals(-2.5, axes.yMin());
    assertFalse(axes.wholeNumbers());
  }

  @Test
  void timeIsShownInTheUnitThatFitsTheSpan() {
    assertEquals("s", Axes.spanning(List.of(series(new double[] {0, 300}, new double[] {1, 1})))
        .timeUnit());
    assertEquals("min", Axes.spanning(List.of(series(new double[] {0, 2400},
        new double[] {1, 1}))).timeUnit());
    Axes day = Axes.spanning(List.of(series(new double[] {0, 86_400}, new double[] {1, 1})));
    assertEquals("h", day.timeUnit());
    assertEquals(3600, day.secondsPerUnit());
  }

  @Test
  void aFlatOrEmptySeriesStillGetsAnAxisOfSomeHeight() {
    Axes flat = Axes.spanning(List.of(series(new double[] {5}, new double[] {0})));
    assertTrue(flat.yMax() > flat.yMin());
    assertTrue(flat.tMax() > flat.tMin());
  }
}
