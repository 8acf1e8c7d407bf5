package org.pilotpool.model.glidein;

import java.util.Objects;

/**
 * One factory entry (site) at the start of a factory cycle.
 *
 * @param site the entry's site name ({@code GLIDEIN_Site})
 * @param demand the work waiting for the site
 * @param pendingPilots glideins submitted and still waiting in the site's queue
 * @param runningPilots glideins that landed and have not exited
 * @param limits the entry's limits
 * @param slotsPerPilot slots each glidein brings ({@code GLIDEIN_CPUS}-style static slots)
 */
public record EntryState(
    String site, SiteDemand demand, int pendingPilots, int runningPilots, EntryLimits limits,
    int slotsPerPilot) {
  public EntryState {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(demand, "demand");
    Objects.requireNonNull(limits, "limits");
    if (pendingPilots < 0 || runningPilots < 0) {
      throw new IllegalArgumentException("negative pilot counts: " + pendingPilots + ", " + runningPilots);
    }
    if (slotsPerPilot < 1) {
      throw new IllegalArgumentException("slots per pilot must be >= 1, got " + slotsPerPilot);
    }
  }
}
