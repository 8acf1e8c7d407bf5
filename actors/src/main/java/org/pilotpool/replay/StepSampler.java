package org.pilotpool.replay;

import java.util.List;

/**
 * Step series (queue lengths, counts) sampled on a fixed grid in bounded memory: the value of each
 * series is taken at every multiple of the interval, and when the grid would exceed {@code
 * maxPoints} points the interval doubles and every other point is dropped. A run of any length
 * thus keeps at most {@code maxPoints} points per series, the finest grid that fits, and the
 * points kept do not depend on when the doubling happened.
 *
 * <p>Callers move time forward with {@link #advanceTo} before changing a value at that time, so a
 * sample at instant t holds the values just before the changes at t.
 */
public final class StepSampler {
  private final List<String> names;
  private final int maxPoints;
  private final double[] current;
  private final double[][] points;
  private long intervalNanos;
  private int size;

  /**
   * @param names the series, in order
   * @param intervalNanos the finest interval, e.g. one simulated minute
   * @param maxPoints points kept per series, at least 2
   */
  public StepSampler(List<String> names, long intervalNanos, int maxPoints) {
    if (intervalNanos <= 0 || maxPoints < 2) {
      throw new IllegalArgumentException("interval must be positive and maxPoints at least 2");
    }
    this.names = List.copyOf(names);
    this.maxPoints = maxPoints;
    this.intervalNanos = intervalNanos;
    this.current = new double[names.size()];
    this.points = new double[names.size()][maxPoints];
  }

  /** Takes every sample due at or before {@code nanos}. */
  public void advanceTo(long nanos) {
    while ((long) size * intervalNanos <= nanos) {
      if (size == maxPoints) {
        halve();
        continue;
      }
      for (int s = 0; s < current.length; s++) {
        points[s][size] = current[s];
      }
      size++;
    }
  }

  /** Changes a series' value from now on. */
  public void add(int series, double delta) {
    current[series] += delta;
  }

  private void halve() {
    int kept = (size + 1) / 2;
    for (double[] series : points) {
      for (int i = 0; i < kept; i++) {
        series[i] = series[2 * i];
      }
    }
    size = kept;
    intervalNanos *= 2;
  }

  public List<String> names() {
    return names;
  }

  /** The grid's interval now. */
  public long intervalNanos() {
    return intervalNanos;
  }

  /** Points per series so far. */
  public int size() {
    return size;
  }

  /** The time of point {@code i}, in seconds from the run's start. */
  public double timeSeconds(int i) {
    return (double) i * intervalNanos / 1e9;
  }

  public double value(int series, int i) {
    return points[series][i];
  }
}
