package org.pilotpool.reports.html;

import java.util.List;
import org.pilotpool.reports.model.TimeSeries;

/**
 * The axes one topic's charts share across variants: the same time span and value range, so
 * that charts side by side compare at a glance.
 *
 * @param timeUnit "s", "min" or "h", whichever reads best over the span
 * @param secondsPerUnit how many seconds one {@code timeUnit} is
 * @param tMin earliest time, seconds
 * @param tMax latest time, seconds; greater than {@code tMin}
 * @param yMin lowest value shown; zero unless some value is negative
 * @param yMax highest value shown, with a little headroom; greater than {@code yMin}
 * @param wholeNumbers whether every value is a whole number (counts), so ticks are too
 */
record Axes(
    String timeUnit,
    double secondsPerUnit,
    double tMin,
    double tMax,
    double yMin,
    double yMax,
    boolean wholeNumbers) {
  private static final double HEADROOM = 0.06;

  /** The axes that fit every point of every series given. */
  static Axes spanning(List<TimeSeries> series) {
    double tMin = Double.POSITIVE_INFINITY;
    double tMax = Double.NEGATIVE_INFINITY;
    double yMin = 0;
    double yMax = Double.NEGATIVE_INFINITY;
    boolean whole = true;
    for (TimeSeries s : series) {
      for (int i = 0; i < s.size(); i++) {
        tMin = Math.min(tMin, s.time(i));
        tMax = Math.max(tMax, s.time(i));
        yMin = Math.min(yMin, s.value(i));
        yMax = Math.max(yMax, s.value(i));
        whole &= s.value(i) == Math.rint(s.value(i));
      }
    }
    if (tMin > tMax) {
      tMin = 0;
      tMax = 1;
    } else if (tMax == tMin) {
      tMax = tMin + 1;
    }
    if (!(yMax > yMin)) {
      yMax = yMin + 1;
    }
    yMax += (yMax - yMin) * HEADROOM;
    double span = tMax - tMin;
    String unit;
    double perUnit;
    if (span <= 600) {
      unit = "s";
      perUnit = 1;
    } else if (span <= 4 * 3600) {
      unit = "min";
      perUnit = 60;
    } else {
      unit = "h";
      perUnit = 3600;
    }
    return new Axes(unit, perUnit, tMin, tMax, yMin, yMax, whole);
  }
}
