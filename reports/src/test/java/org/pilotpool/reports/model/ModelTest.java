package org.pilotpool.reports.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pilotpool.reports.model.TimeSeries.Shape;

class ModelTest {
  private static Variant variant(String name, List<Topic> topics) {
    return Variant.of(name, Map.of(), "v", List.of(), topics, List.of());
  }

  @Test
  void aSeriesWhoseTimeGoesBackIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TimeSeries.builder("q", Shape.STEP).add(5, 1).add(4, 2).build());
    assertTrue(e.getMessage().contains("time goes back at point 1"), e.getMessage());
  }

  @Test
  void aSeriesWithANonFiniteValueIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> TimeSeries.of("q", Shape.LINE,
        new double[] {0}, new double[] {Double.NaN}));
  }

  @Test
  void theBuilderKeepsEveryPointInOrder() {
    TimeSeries.Builder b = TimeSeries.builder("q", Shape.LINE);
    for (int i = 0; i < 1000; i++) {
      b.add(i, i * 2);
    }
    TimeSeries s = b.build();
    assertEquals(1000, s.size());
    assertEquals(999, s.time(999));
    assertEquals(1998, s.value(999));
  }

  @Test
  void variantNamesMustBeUniqueInAReport() {
    assertThrows(IllegalArgumentException.class,
        () -> new RunReport("s", "t", List.of(variant("a", List.of()), variant("a", List.of()))));
  }

  @Test
  void seriesNamesMustBeUniqueInAVariantAcrossTopics() {
    TimeSeries q = TimeSeries.of("q", Shape.LINE, new double[] {0}, new double[] {0});
    assertThrows(IllegalArgumentException.class, () -> variant("a", List.of(
        new Topic("one", "", List.of(q)), new Topic("two", "", List.of(q)))));
  }

  @Test
  void knobsAreKeptSortedByNameWhateverMapWasGiven() {
    Map<String, String> knobs = new LinkedHashMap<>();
    knobs.put("JOB_STOP_DELAY", "1");
    knobs.put("GLEXEC_RETRIES", "3");
    Variant v = Variant.of("a", knobs, "v", List.of(), List.of(), List.of());
    assertEquals(List.of("GLEXEC_RETRIES", "JOB_STOP_DELAY"), List.copyOf(v.knobs().keySet()));
  }

  @Test
  void aTableRowOfTheWrongWidthIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new Table("t", List.of("a", "b"), List.of(List.of("1"))));
  }
}
