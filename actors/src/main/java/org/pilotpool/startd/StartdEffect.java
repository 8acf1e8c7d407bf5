package org.pilotpool.startd;

import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.schedd.Schedd;
import org.pilotpool.starter.Starter;
import org.pilotpool.starter.StarterContext;

/** What {@link StartdLogic} asks of the world. */
public sealed interface StartdEffect {
  /** Send the slot's ad to the collector. */
  record Advertise(ClassAd ad) implements StartdEffect {}

  /** Withdraw the slot's ad. */
  record Invalidate(String name) implements StartdEffect {}

  /** Answer the schedd that holds (or asks for) the claim. */
  record ToSchedd(Schedd.Command message) implements StartdEffect {}

  /** Spawn a starter for this activation. */
  record SpawnStarter(StarterContext context) implements StartdEffect {}

  /** Tell the running starter. */
  record ToStarter(Starter.Command message) implements StartdEffect {}

  /** Tell the observer. */
  record Observe(SlotEvent event) implements StartdEffect {}

  /** The slot is gone: stop the startd. */
  record Stop() implements StartdEffect {}
}
