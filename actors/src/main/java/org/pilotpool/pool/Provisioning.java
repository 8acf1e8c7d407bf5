package org.pilotpool.pool;

import java.time.Duration;
import java.util.Objects;
import org.pilotpool.model.glidein.EntryLimits;
import org.pilotpool.model.glidein.GlexecBin;
import org.pilotpool.model.glidein.NodeEnvironment;
import org.pilotpool.pilot.PilotTimes;

/** Where a site's slots come from: started with the pool, or brought by glideins. */
public sealed interface Provisioning {

  /** Static slots: {@code slotsPerNode} per node, for the whole run. */
  record Static() implements Provisioning {}

  /** The static default. */
  Provisioning STATIC = new Static();

  /**
   * Slots come from glideins the factory submits to the site's entry; the site's nodes are the
   * batch system's worker nodes they land on.
   *
   * @param slotsPerPilot slots each glidein starts
   * @param times {@code GLIDEIN_Max_Walltime}, {@code GLIDEIN_Retire_Time} and its spread
   * @param glexecBin the entry's {@code GLEXEC_BIN}
   * @param limits the entry's {@code max_idle}, {@code max_glideins}, {@code max_per_cycle}
   * @param queueTime how long a glidein waits in the site's batch queue before it starts
   * @param nodeEnvironment what a glidein's setup sees on every node (where glexec is installed)
   */
  record Pilots(int slotsPerPilot, PilotTimes times, GlexecBin glexecBin, EntryLimits limits,
      Duration queueTime, NodeEnvironment nodeEnvironment) implements Provisioning {
    public Pilots {
      Objects.requireNonNull(times, "times");
      Objects.requireNonNull(glexecBin, "glexecBin");
      Objects.requireNonNull(limits, "limits");
      Objects.requireNonNull(queueTime, "queueTime");
      Objects.requireNonNull(nodeEnvironment, "nodeEnvironment");
      if (slotsPerPilot < 1) {
        throw new IllegalArgumentException("a glidein needs at least one slot, got "
            + slotsPerPilot);
      }
      if (queueTime.isNegative()) {
        throw new IllegalArgumentException("negative queue time " + queueTime);
      }
    }

    /**
     * An OSG entry ({@code GLEXEC_BIN=OSG}, glexec installed on the nodes) with glideinWMS's
     * default limits and glideins that wait five minutes in the batch queue.
     */
    public static Pilots osg(int slotsPerPilot, PilotTimes times) {
      return new Pilots(slotsPerPilot, times, GlexecBin.OSG, EntryLimits.defaults(),
          Duration.ofMinutes(5), NodeEnvironment.osgWithGlexec());
    }

    public Pilots withLimits(EntryLimits newLimits) {
      return new Pilots(slotsPerPilot, times, glexecBin, newLimits, queueTime, nodeEnvironment);
    }

    public Pilots withGlexecBin(GlexecBin bin) {
      return new Pilots(slotsPerPilot, times, bin, limits, queueTime, nodeEnvironment);
    }
  }
}
