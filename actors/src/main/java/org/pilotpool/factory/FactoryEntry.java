package org.pilotpool.factory;

import java.util.Objects;
import java.util.Optional;
import org.pilotpool.model.glidein.EntryLimits;
import org.pilotpool.model.glidein.GlexecBin;
import org.pilotpool.pilot.PilotTimes;

/**
 * One factory entry: a site, its glexec, its limits and the glideins it runs.
 *
 * @param site {@code GLIDEIN_Site}
 * @param glexecBin {@code GLEXEC_BIN}
 * @param requireGlideinGlexecUse {@code require_glidein_glexec_use} (default false)
 * @param glexecJob the {@code GLEXEC_JOB} attribute (default true)
 * @param entryStart {@code GLIDEIN_Entry_Start}, if the entry has one
 * @param limits the entry's limits
 * @param slotsPerPilot slots per glidein
 * @param times the glideins' walltime and retire time
 * @param workDir the directory glideins work under on the worker nodes
 * @param batch the site's batch system
 */
public record FactoryEntry(
    String site, GlexecBin glexecBin, boolean requireGlideinGlexecUse, boolean glexecJob,
    Optional<String> entryStart, EntryLimits limits, int slotsPerPilot, PilotTimes times, String workDir,
    SiteBatch batch) {
  public FactoryEntry {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(glexecBin, "glexecBin");
    Objects.requireNonNull(entryStart, "entryStart");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(batch, "batch");
    if (slotsPerPilot < 1) {
      throw new IllegalArgumentException("slots per glidein must be >= 1, got " + slotsPerPilot);
    }
  }

  /** An entry with glideinWMS's defaults: no restriction, {@code GLEXEC_JOB}, no start condition, default limits. */
  public static FactoryEntry of(String site, GlexecBin glexecBin, int slotsPerPilot, PilotTimes times, SiteBatch batch) {
    return new FactoryEntry(site, glexecBin, false, true, Optional.empty(), EntryLimits.defaults(), slotsPerPilot,
        times, "/tmp", batch);
  }

  public FactoryEntry withLimits(EntryLimits newLimits) {
    return new FactoryEntry(site, glexecBin, requireGlideinGlexecUse, glexecJob, entryStart, newLimits,
        slotsPerPilot, times, workDir, batch);
  }

  public FactoryEntry withRequireGlideinGlexecUse(boolean require) {
    return new FactoryEntry(site, glexecBin, require, glexecJob, entryStart, limits, slotsPerPilot, times,
        workDir, batch);
  }
}
