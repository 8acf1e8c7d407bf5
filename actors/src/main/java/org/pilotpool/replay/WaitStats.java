package org.pilotpool.replay;

/**
 * Wait time figures in seconds; percentiles to three significant digits (HdrHistogram at
 * millisecond resolution), mean and max exact.
 *
 * @param count jobs counted
 */
public record WaitStats(long count, double meanSeconds, double p50Seconds, double p95Seconds,
    double maxSeconds) {
  public static final WaitStats NONE = new WaitStats(0, 0, 0, 0, 0);
}
