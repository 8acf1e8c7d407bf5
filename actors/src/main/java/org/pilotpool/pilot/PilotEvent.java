package org.pilotpool.pilot;

import java.time.Instant;
import java.util.Objects;
import org.pilotpool.model.glidein.GlideinSetup;

/** What a glidein tells its factory, in the past tense. */
public sealed interface PilotEvent {
  String pilotId();

  Instant at();

  /** It left the site's queue and started on {@code nodeId}. */
  record Landed(String pilotId, Instant at, String nodeId) implements PilotEvent {}

  /** Its glexec setup ended: enabled or disabled (slots started) or failed (it exits). */
  record SetupEnded(String pilotId, Instant at, GlideinSetup setup) implements PilotEvent {
    public SetupEnded {
      Objects.requireNonNull(setup, "setup");
    }
  }

  /** Its retire time came: its slots take no new jobs. */
  record Retired(String pilotId, Instant at) implements PilotEvent {}

  /** It left the node. */
  record Exited(String pilotId, Instant at, ExitReason reason) implements PilotEvent {}

  /** Why a glidein left. */
  enum ExitReason {
    /** The glexec setup failed: no slot was started. */
    SETUP_FAILED,
    /** Every slot had exited (retired and drained, or shut down by its own startd). */
    SLOTS_EXITED,
    /** {@code GLIDEIN_Max_Walltime} was reached: slots shut down, running jobs evicted. */
    WALLTIME_REACHED
  }
}
