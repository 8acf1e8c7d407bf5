package org.pilotpool.model.glidein;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many glideins to submit per entry in one cycle: enough waiting glideins to cover the idle
 * work that could run there, and no more.
 *
 * <p>Per entry: the idle jobs (rounded up) minus the unclaimed slots already there are the slots
 * still needed; divided by the slots per glidein (rounded up) they give the glideins that should be
 * waiting in the site's queue, at most {@code maxIdle}. The entry gets the difference to those
 * already waiting, bounded by {@code maxSubmitPerCycle} and by the room left under {@code
 * maxGlideins}. Glideins already waiting count as covering demand, so a demand that stays the same
 * is not submitted for again: once enough glideins wait, submissions stop until they land or the
 * demand grows. Glideins are never withdrawn here.
 */
public final class FactoryLogic {
  private FactoryLogic() {}

  /** glideins to submit to one entry this cycle. */
  public static int toSubmit(EntryState entry) {
    long neededSlots = Math.max(0, (long) Math.ceil(entry.demand().idleJobs()) - entry.demand().unclaimedSlots());
    long wantedWaiting = Math.min(ceilDiv(neededSlots, entry.slotsPerPilot()), entry.limits().maxIdle());
    long room = (long) entry.limits().maxGlideins() - entry.pendingPilots() - entry.runningPilots();
    long submit = Math.min(wantedWaiting - entry.pendingPilots(),
        Math.min(room, entry.limits().maxSubmitPerCycle()));
    return (int) Math.max(0, submit);
  }

  /** glideins to submit per site this cycle, in the entries' order; entries needing none included with 0. */
  public static Map<String, Integer> plan(List<EntryState> entries) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (EntryState entry : entries) {
      if (out.put(entry.site(), toSubmit(entry)) != null) {
        throw new IllegalArgumentException("entry listed twice: " + entry.site());
      }
    }
    return out;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
