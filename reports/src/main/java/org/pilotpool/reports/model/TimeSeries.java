package org.pilotpool.reports.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named series of (virtual time in seconds, value) points, times non-decreasing. Held as two
 * primitive arrays, since a long run can produce millions of points.
 */
public final class TimeSeries {
  /** How to draw between two points. */
  public enum Shape {
    /** A straight line: rates, percentiles. */
    LINE,
    /** The value holds until the next point: queue lengths, job and slot counts. */
    STEP
  }

  private final String name;
  private final Shape shape;
  private final double[] times;
  private final double[] values;

  private TimeSeries(String name, Shape shape, double[] times, double[] values) {
    this.name = Objects.requireNonNull(name, "name");
    this.shape = Objects.requireNonNull(shape, "shape");
    if (times.length != values.length) {
      throw new IllegalArgumentException("series " + name + ": " + times.length + " times but "
          + values.length + " values");
    }
    for (int i = 0; i < times.length; i++) {
      if (!Double.isFinite(times[i]) || !Double.isFinite(values[i])) {
        throw new IllegalArgumentException("series " + name + " point " + i
            + " is not finite: (" + times[i] + ", " + values[i] + ")");
      }
      if (i > 0 && times[i] < times[i - 1]) {
        throw new IllegalArgumentException("series " + name + ": time goes back at point " + i
            + " (" + times[i - 1] + " then " + times[i] + ")");
      }
    }
    this.times = times;
    this.values = values;
  }

  /**
   * A series from parallel arrays (copied).
   *
   * @param name unique within its variant; the {@code series} column of timeseries.csv and the
   *     legend label, e.g. "site-a p99 latency"
   */
  public static TimeSeries of(String name, Shape shape, double[] timesSeconds, double[] values) {
    return new TimeSeries(name, shape, timesSeconds.clone(), values.clone());
  }

  /** Starts a series to be filled point by point. */
  public static Builder builder(String name, Shape shape) {
    return new Builder(name, shape);
  }

  public String name() {
    return name;
  }

  public Shape shape() {
    return shape;
  }

  public int size() {
    return times.length;
  }

  /** The time of point {@code i}, in virtual seconds since the run's start. */
  public double time(int i) {
    return times[i];
  }

  public double value(int i) {
    return values[i];
  }

  /** Collects points in time order. */
  public static final class Builder {
    private final String name;
    private final Shape shape;
    private double[] times = new double[64];
    private double[] values = new double[64];
    private int size;

    private Builder(String name, Shape shape) {
      this.name = name;
      this.shape = shape;
    }

    /** Appends a point; {@code timeSeconds} must not be before the previous point's. */
    public Builder add(double timeSeconds, double value) {
      if (size == times.length) {
        times = Arrays.copyOf(times, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      times[size] = timeSeconds;
      values[size] = value;
      size++;
      return this;
    }

    public TimeSeries build() {
      return new TimeSeries(name, shape, Arrays.copyOf(times, size), Arrays.copyOf(values, size));
    }
  }
}
