package org.pilotpool.reports.html;

import java.util.Arrays;
import org.pilotpool.reports.model.TimeSeries;

/**
 * Thins a series for drawing while keeping what the eye looks for: the time range is cut into
 * equal buckets and each bucket keeps its first, last, lowest and highest point, so spikes and
 * dips survive and step series still end each bucket at the right level.
 */
final class Downsampler {
  private static final int POINTS_PER_BUCKET = 4;

  private Downsampler() {}

  /**
   * The indices of the points to draw, in order: all of them when there are at most {@code
   * maxPoints}, else at most {@code maxPoints} of them.
   */
  static int[] keep(TimeSeries series, int maxPoints) {
    int n = series.size();
    if (n <= maxPoints) {
      int[] all = new int[n];
      Arrays.setAll(all, i -> i);
      return all;
    }
    int buckets = Math.max(1, maxPoints / POINTS_PER_BUCKET);
    double start = series.time(0);
    double span = series.time(n - 1) - start;
    int[] kept = new int[buckets * POINTS_PER_BUCKET];
    int size = 0;
    int i = 0;
    for (int b = 0; b < buckets && i < n; b++) {
      int first = i;
      int min = i;
      int max = i;
      int last = i;
      while (i < n && bucketOf(series.time(i), start, span, buckets) == b) {
        if (series.value(i) < series.value(min)) {
          min = i;
        }
        if (series.value(i) > series.value(max)) {
          max = i;
        }
        last = i;
        i++;
      }
      if (i == first) {
        // an empty bucket: the next point falls in a later one
        continue;
      }
      int[] picks = {first, min, max, last};
      Arrays.sort(picks);
      for (int p : picks) {
        if (size == 0 || kept[size - 1] != p) {
          kept[size++] = p;
        }
      }
    }
    return Arrays.copyOf(kept, size);
  }

  private static int bucketOf(double time, double start, double span, int buckets) {
    if (span <= 0) {
      return 0;
    }
    return (int) Math.min(buckets - 1, Math.floor((time - start) / span * buckets));
  }
}
