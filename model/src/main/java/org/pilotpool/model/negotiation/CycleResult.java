package org.pilotpool.model.negotiation;

import java.util.List;

/** The matches of one negotiation cycle, in the order they were made, and its figures. */
public record CycleResult(List<Match> matches, CycleStats stats) {
  public CycleResult {
    matches = List.copyOf(matches);
  }
}
