package org.pilotpool.reports.model;

import java.util.List;
import java.util.Objects;

/**
 * One chart's worth of series in one variant. Topics with the same title in different variants
 * are drawn side by side on shared axes.
 *
 * @param title e.g. "site-a authz queue length"
 * @param unit the unit of every series' values, the y-axis label, e.g. "requests"
 * @param series at least one; a legend is drawn when there are several
 */
public record Topic(String title, String unit, List<TimeSeries> series) {
  public Topic {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(unit, "unit");
    series = List.copyOf(series);
    if (series.isEmpty()) {
      throw new IllegalArgumentException("topic " + title + " has no series");
    }
  }
}
