package org.pilotpool.reports.model;

import java.util.Objects;

/**
 * A headline figure, compared across variants; the best value is highlighted.
 *
 * @param name e.g. "authz rejections"; figures with the same name are compared
 * @param value finite
 * @param unit e.g. "calls", "s", "CPU h"; empty for a plain count
 * @param lowerIsBetter whether the smallest value is the best one
 */
public record Headline(String name, double value, String unit, boolean lowerIsBetter) {
  public Headline {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("headline " + name + " is not a finite number: " + value);
    }
  }
}
