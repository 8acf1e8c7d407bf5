package org.pilotpool.factory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pilotpool.pilot.PilotEvent;

/**
 * The factory's book of glideins: submitted, landed, set up, retired, exited; by stable id, in
 * submission order, with per-site counts by state kept current so that a cycle costs per site,
 * not per glidein.
 */
public final class PilotLedger {
  private final Map<String, PilotRecord> byId = new LinkedHashMap<>();
  private final Map<String, int[]> counts = new TreeMap<>();

  /** A glidein was submitted to {@code site}. */
  public void submitted(String pilotId, String site, Instant at) {
    PilotRecord rec = PilotRecord.submitted(pilotId, site, at);
    if (byId.putIfAbsent(pilotId, rec) != null) {
      throw new IllegalArgumentException("glidein submitted twice: " + pilotId);
    }
    counts.computeIfAbsent(site, s -> new int[PilotRecord.State.values().length])[rec.state().ordinal()]++;
  }

  /** A glidein reported; reports of unknown glideins are ignored. */
  public void record(PilotEvent event) {
    PilotRecord before = byId.get(event.pilotId());
    if (before == null) {
      return;
    }
    PilotRecord after = before.with(event);
    byId.put(event.pilotId(), after);
    int[] site = counts.get(before.site());
    site[before.state().ordinal()]--;
    site[after.state().ordinal()]++;
  }

  /** How many of {@code site}'s glideins are in {@code state}. */
  public int count(String site, PilotRecord.State state) {
    int[] bySite = counts.get(site);
    return bySite == null ? 0 : bySite[state.ordinal()];
  }

  /** Every glidein so far, in submission order. */
  public List<PilotRecord> records() {
    return List.copyOf(byId.values());
  }
}
