package org.pilotpool.reports.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One scenario's results: its story and one or more variants of it (the same story with other
 * knobs), which the report shows side by side.
 *
 * @param scenario the scenario's name, the report's title
 * @param story what the scenario plays out and what it asks, in a few sentences
 * @param variants at least one; names unique
 */
public record RunReport(String scenario, String story, List<Variant> variants) {
  public RunReport {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(story, "story");
    variants = List.copyOf(variants);
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("a run report needs at least one variant");
    }
    Set<String> names = new HashSet<>();
    for (Variant v : variants) {
      if (!names.add(v.name())) {
        throw new IllegalArgumentException("variant name used twice: " + v.name());
      }
    }
  }
}
