package org.pilotpool.pilot;

import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * Starts one of a glidein's slots (its startd). The glidein calls it from its own actor, once per
 * slot, after a successful or disabled glexec setup; a launcher typically spawns the slot as a
 * child of {@code pilot}.
 */
@FunctionalInterface
public interface SlotLauncher {
  SlotHandle launch(ActorContext<?> pilot, SlotRequest request);
}
