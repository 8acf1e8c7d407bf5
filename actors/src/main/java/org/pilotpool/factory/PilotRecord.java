package org.pilotpool.factory;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.pilotpool.model.glidein.GlideinSetup;
import org.pilotpool.pilot.PilotEvent;

/**
 * What the factory knows of one glidein it submitted.
 *
 * @param setup how its glexec setup ended (validated and enabled, disabled, or failed with a class)
 */
public record PilotRecord(
    String pilotId, String site, Instant submittedAt, Optional<Instant> landedAt, Optional<String> nodeId,
    Optional<GlideinSetup> setup, Optional<Instant> retiredAt, Optional<Instant> exitedAt,
    Optional<PilotEvent.ExitReason> exitReason) {

  /** Where a glidein is, as the factory counts it. */
  public enum State {
    /** Submitted, waiting in the site's queue. */
    PENDING,
    /** Landed and not exited. */
    RUNNING,
    /** Gone. */
    EXITED
  }

  public PilotRecord {
    Objects.requireNonNull(pilotId, "pilotId");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(submittedAt, "submittedAt");
    Objects.requireNonNull(landedAt, "landedAt");
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(setup, "setup");
    Objects.requireNonNull(retiredAt, "retiredAt");
    Objects.requireNonNull(exitedAt, "exitedAt");
    Objects.requireNonNull(exitReason, "exitReason");
  }

  static PilotRecord submitted(String pilotId, String site, Instant at) {
    return new PilotRecord(pilotId, site, at, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  public State state() {
    if (exitedAt.isPresent()) {
      return State.EXITED;
    }
    return landedAt.isPresent() ? State.RUNNING : State.PENDING;
  }

  PilotRecord with(PilotEvent event) {
    if (event instanceof PilotEvent.Landed l) {
      return new PilotRecord(pilotId, site, submittedAt, Optional.of(l.at()), Optional.of(l.nodeId()), setup,
          retiredAt, exitedAt, exitReason);
    }
    if (event instanceof PilotEvent.SetupEnded s) {
      return new PilotRecord(pilotId, site, submittedAt, landedAt, nodeId, Optional.of(s.setup()), retiredAt,
          exitedAt, exitReason);
    }
    if (event instanceof PilotEvent.Retired r) {
      return new PilotRecord(pilotId, site, submittedAt, landedAt, nodeId, setup, Optional.of(r.at()), exitedAt,
          exitReason);
    }
    PilotEvent.Exited e = (PilotEvent.Exited) event;
    return new PilotRecord(pilotId, site, submittedAt, landedAt, nodeId, setup, retiredAt, Optional.of(e.at()),
        Optional.of(e.reason()));
  }
}
