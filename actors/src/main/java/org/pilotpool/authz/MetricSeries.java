package org.pilotpool.authz;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-bucket counters and levels in one growing {@code int} array: memory grows with simulated
 * time over the bucket width, never with the number of requests.
 */
final class MetricSeries {
  static final int ARRIVALS = 0;
  static final int CACHE_HITS = 1;
  static final int ANSWERED = 2;
  static final int OVERLOADED = 3;
  static final int TIMED_OUT = 4;
  static final int UNAVAILABLE = 5;
  private static final int QUEUE_MAX = 6;
  private static final int QUEUE_END = 7;
  private static final int BUSY_MAX = 8;
  private static final int BUSY_END = 9;
  private static final int FIELDS = 10;

  private final Instant origin;
  private final Duration width;
  private final long widthNanos;
  private int[] data = new int[FIELDS * 64];
  private int buckets;

  MetricSeries(Instant origin, Duration width) {
    this.origin = origin;
    this.width = width;
    this.widthNanos = width.toNanos();
    buckets = 1;
  }

  Instant origin() {
    return origin;
  }

  Duration width() {
    return width;
  }

  void count(Instant t, int field) {
    // The index first: bucketAt may replace the array.
    int base = bucketAt(t) * FIELDS;
    data[base + field]++;
  }

  void level(Instant t, int queueLength, int busyWorkers) {
    int base = bucketAt(t) * FIELDS;
    data[base + QUEUE_END] = queueLength;
    data[base + QUEUE_MAX] = Math.max(data[base + QUEUE_MAX], queueLength);
    data[base + BUSY_END] = busyWorkers;
    data[base + BUSY_MAX] = Math.max(data[base + BUSY_MAX], busyWorkers);
  }

  List<SiteAuthzStats.Bucket> snapshot(Instant now) {
    int last = bucketAt(now);
    List<SiteAuthzStats.Bucket> out = new ArrayList<>(last + 1);
    for (int i = 0; i <= last; i++) {
      int b = i * FIELDS;
      out.add(
          new SiteAuthzStats.Bucket(
              origin.plus(width.multipliedBy(i)),
              data[b + ARRIVALS],
              data[b + CACHE_HITS],
              data[b + ANSWERED],
              data[b + OVERLOADED],
              data[b + TIMED_OUT],
              data[b + UNAVAILABLE],
              data[b + QUEUE_MAX],
              data[b + QUEUE_END],
              data[b + BUSY_MAX],
              data[b + BUSY_END]));
    }
    return out;
  }

  /** The bucket holding {@code t}, opening buckets up to it; levels carry over idle buckets. */
  private int bucketAt(Instant t) {
    // Duration.between's arithmetic without its object: this runs for every request.
    long offset = Math.max(0, Math.addExact(
        Math.multiplyExact(t.getEpochSecond() - origin.getEpochSecond(), 1_000_000_000L),
        t.getNano() - origin.getNano()));
    int index = Math.toIntExact(offset / widthNanos);
    while (buckets <= index) {
      if ((buckets + 1) * FIELDS > data.length) {
        data = Arrays.copyOf(data, data.length * 2);
      }
      int prev = (buckets - 1) * FIELDS;
      int next = buckets * FIELDS;
      data[next + QUEUE_MAX] = data[prev + QUEUE_END];
      data[next + QUEUE_END] = data[prev + QUEUE_END];
      data[next + BUSY_MAX] = data[prev + BUSY_END];
      data[next + BUSY_END] = data[prev + BUSY_END];
      buckets++;
    }
    return index;
  }
}
