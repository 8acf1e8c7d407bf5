package org.pilotpool.reports.model;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One variant of a scenario.
 *
 * @param name short, shown as a column heading, e.g. {@code JOB_STOP_DELAY=0}
 * @param knobs the settings that distinguish this variant (knob name to value); kept sorted by
 *     name so that the output does not depend on the map the caller used
 * @param verdict a sentence or two with the headline numbers, e.g. "Argus rejected 1,300 calls"
 * @param headlines the figures compared across variants; names unique
 * @param topics the charts, in the order shown; titles unique
 * @param tables in the order shown; titles unique
 */
public record Variant(
    String name,
    SortedMap<String, String> knobs,
    String verdict,
    List<Headline> headlines,
    List<Topic> topics,
    List<Table> tables) {
  public Variant {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(verdict, "verdict");
    knobs = Collections.unmodifiableSortedMap(new TreeMap<>(knobs));
    headlines = List.copyOf(headlines);
    topics = List.copyOf(topics);
    tables = List.copyOf(tables);
    unique("headline", headlines.stream().map(Headline::name).toList());
    unique("topic", topics.stream().map(Topic::title).toList());
    unique("table", tables.stream().map(Table::title).toList());
    Set<String> seriesNames = new HashSet<>();
    for (Topic t : topics) {
      for (TimeSeries s : t.series()) {
        if (!seriesNames.add(s.name())) {
          throw new IllegalArgumentException(
              "variant " + name + ": series name used twice: " + s.name());
        }
      }
    }
  }

  /** A variant with {@code knobs} taken from any map (copied and sorted). */
  public static Variant of(
      String name,
      Map<String, String> knobs,
      String verdict,
      List<Headline> headlines,
      List<Topic> topics,
      List<Table> tables) {
    return new Variant(name, new TreeMap<>(knobs), verdict, headlines, topics, tables);
  }

  private static void unique(String what, List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      if (!seen.add(n)) {
        throw new IllegalArgumentException(what + " used twice in one variant: " + n);
      }
    }
  }
}
