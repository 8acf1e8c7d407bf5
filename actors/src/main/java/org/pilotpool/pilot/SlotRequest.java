package org.pilotpool.pilot;

import java.time.Instant;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.glidein.GlideinSetup;
import org.pilotpool.workernode.GlexecActor;

/**
 * What a slot is started with.
 *
 * @param slotIndex 1-based, as HTCondor numbers slots
 * @param setup the glidein's glexec setup (enabled or disabled) with the HTCondor configuration
 *     it wrote: {@code GLEXEC_JOB}, {@code GLEXEC}, {@code GLIDEIN_Entry_Start}
 * @param glexec the node's glexec, for the slot's starters when glexec is used
 * @param retireAt when the glidein retires (its slots stop taking jobs)
 * @param endAt when the glidein's walltime ends
 * @param exited where to report {@link SlotExited}
 */
public record SlotRequest(
    String pilotId, String site, String nodeId, int slotIndex, GlideinSetup setup,
    ActorRef<GlexecActor.Command> glexec, ProxyCredential pilotProxy, Instant retireAt, Instant endAt,
    ActorRef<SlotExited> exited) {
  public SlotRequest {
    Objects.requireNonNull(pilotId, "pilotId");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(setup, "setup");
    Objects.requireNonNull(glexec, "glexec");
    Objects.requireNonNull(pilotProxy, "pilotProxy");
    Objects.requireNonNull(retireAt, "retireAt");
    Objects.requireNonNull(endAt, "endAt");
    Objects.requireNonNull(exited, "exited");
    if (setup instanceof GlideinSetup.Failed) {
      throw new IllegalArgumentException("no slot starts after a failed setup: " + setup);
    }
  }

  /** Whether the slot's jobs switch identity through glexec. */
  public boolean useGlexec() {
    return setup.glexecUsed();
  }

  /** The slot's name in the collector, {@code slot<i>@<pilot>@<node>} as a glidein's startd names it. */
  public String slotName() {
    return "slot" + slotIndex + "@" + pilotId + "@" + nodeId;
  }
}
