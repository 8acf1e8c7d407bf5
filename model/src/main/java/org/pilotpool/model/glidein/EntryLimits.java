package org.pilotpool.model.glidein;

import org.pilotpool.model.input.BadInputException;

/**
 * A factory entry's limits (glideinWMS entry config).
 *
 * @param maxIdle {@code per_entry max_idle} ({@code PerEntryMaxIdle}): glideins waiting in the
 *     site's queue at most
 * @param maxGlideins {@code per_entry max_glideins} ({@code PerEntryMaxGlideins}): waiting plus
 *     running at most
 * @param maxSubmitPerCycle {@code submit max_per_cycle}: glideins submitted in one cycle at most
 */
public record EntryLimits(int maxIdle, int maxGlideins, int maxSubmitPerCycle) {
  public EntryLimits {
    check("factory.entry.max-idle", maxIdle);
    check("factory.entry.max-glideins", maxGlideins);
    check("factory.entry.max-submit-per-cycle", maxSubmitPerCycle);
  }

  /** glideinWMS's defaults: 2000 idle, 10000 glideins, 100 submitted per cycle. */
  public static EntryLimits defaults() {
    return new EntryLimits(2000, 10000, 100);
  }

  private static void check(String key, int value) {
    if (value < 0) {
      throw new BadInputException(null, 0, key, "expected a count of 0 or more, got " + value);
    }
  }
}
