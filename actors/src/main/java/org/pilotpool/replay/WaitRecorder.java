package org.pilotpool.replay;

import org.HdrHistogram.Histogram;

/** Collects waits in bounded memory: a histogram for percentiles, a sum and a maximum. */
final class WaitRecorder {
  private final Histogram millis = new Histogram(3);
  private long count;
  private double sumSeconds;
  private double maxSeconds;

  void record(double seconds) {
    double s = Math.max(0, seconds);
    millis.recordValue(Math.round(s * 1000));
    count++;
    sumSeconds += s;
    maxSeconds = Math.max(maxSeconds, s);
  }

  WaitStats stats() {
    if (count == 0) {
      return WaitStats.NONE;
    }
    // A percentile reads as the top of its histogram bucket, which may lie above the true maximum.
    return new WaitStats(count, sumSeconds / count,
        Math.min(maxSeconds, millis.getValueAtPercentile(50) / 1000.0),
        Math.min(maxSeconds, millis.getValueAtPercentile(95) / 1000.0),
        maxSeconds);
  }
}
