package org.pilotpool.reports.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pilotpool.reports.model.TimeSeries;
import org.pilotpool.reports.model.TimeSeries.Shape;

class DownsamplerTest {
  private static TimeSeries noisy(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    TimeSeries.Builder b = TimeSeries.builder("noise", Shape.LINE);
    for (int i = 0; i < n; i++) {
      b.add(i * 0.5, random.nextDouble(-10, 10));
    }
    return b.build();
  }

  @Test
  void aShortSeriesIsKeptWhole() {
    TimeSeries s = noisy(10, 1);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, Downsampler.keep(s, 1000));
  }

  @Test
  void aLongSeriesIsThinnedToTheBudgetInTimeOrder() {
    int[] kept = Downsampler.keep(noisy(100_000, 2), 1000);
    assertTrue(kept.length <= 1000, "kept " + kept.length);
    assertTrue(kept.length > 500, "kept only " + kept.length);
    for (int i = 1; i < kept.length; i++) {
      assertTrue(kept[i] > kept[i - 1], "indices not increasing at " + i);
    }
  }

  @Test
  void thinningKeepsTheGlobalMinimumAndMaximumAndBothEnds() {
    TimeSeries.Builder b = TimeSeries.builder("spike", Shape.STEP);
    for (int i = 0; i < 50_000; i++) {
      double v = i == 31_337 ? 500 : i == 7_001 ? -3 : (i % 7);
      b.add(i, v);
    }
    TimeSeries s = b.build();
    int[] kept = Downsampler.keep(s, 400);
    assertTrue(Arrays.stream(kept).anyMatch(i -> i == 31_337), "the spike to 500 was dropped");
    assertTrue(Arrays.stream(kept).anyMatch(i -> i == 7_001), "the dip to -3 was dropped");
    assertEquals(0, kept[0]);
    assertEquals(49_999, kept[kept.length - 1]);
  }

  @Test
  void everyBucketKeepsItsOwnExtremes() {
    TimeSeries s = noisy(20_000, 3);
    int[] kept = Downsampler.keep(s, 800);
    int buckets = 200;
    double span = s.time(s.size() - 1) - s.time(0);
    for (int b = 0; b < buckets; b++) {
      double max = Double.NEGATIVE_INFINITY;
      double min = Double.POSITIVE_INFINITY;
      for (int i = 0; i < s.size(); i++) {
        int bucket = (int) Math.min(buckets - 1, Math.floor(s.time(i) / span * buckets));
        if (bucket == b) {
          max = Math.max(max, s.value(i));
          min = Math.min(min, s.value(i));
        }
      }
      final double bucketMax = max;
      final double bucketMin = min;
      assertTrue(Arrays.stream(kept).anyMatch(i -> s.value(i) == bucketMax), "bucket " + b);
      assertTrue(Arrays.stream(kept).anyMatch(i -> s.value(i) == bucketMin), "bucket " + b);
    }
  }
}
