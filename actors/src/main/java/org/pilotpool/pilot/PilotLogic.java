package org.pilotpool.pilot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.pilotpool.model.glexec.GlexecResult;
import org.pilotpool.model.glidein.GlexecValidation;
import org.pilotpool.model.glidein.GlideinSetup;
import org.pilotpool.model.glidein.NodeEnvironment;

/**
 * One glidein's decisions, without an actor: each input returns the effects to carry out, in
 * order. Inputs after the glidein has exited return nothing.
 *
 * <p>Life: queued; on landing it arms its retire and walltime timers (both counted from landing)
 * and runs the glexec setup; a failed setup exits at once; otherwise the slots start. At the retire
 * time the slots are told to retire; when the last slot has exited, or at the end of the walltime
 * (slots shut down), the glidein exits. If the retire time passes before the setup ends, the
 * glidein starts no slot and exits, as a startd started past its retire time would take no job;
 * if the walltime ends during the setup, it exits at once.
 */
final class PilotLogic {
  /** What the glidein asks its behaviour to do. */
  sealed interface Effect {}

  /** Tell the factory. */
  record Report(PilotEvent event) implements Effect {}

  /** Arm the retire and walltime timers. */
  record ArmTimers(Instant retireAt, Instant endAt) implements Effect {}

  /** Run a "Hello World" test through the node's glexec. */
  record RunTest(int test, String glexecPath, String shell) implements Effect {}

  /** Start every slot with this setup. */
  record StartSlots(GlideinSetup setup, Instant retireAt, Instant endAt) implements Effect {}

  /** Effects without data. */
  enum Signal implements Effect {
    RETIRE_SLOTS,
    SHUTDOWN_SLOTS,
    STOP
  }

  /** Where the glidein is in its life. */
  enum Phase {
    QUEUED,
    VALIDATING,
    RUNNING,
    RETIRED,
    EXITED
  }

  private final PilotSpec spec;
  private final String nodeId;
  private final RandomGenerator random;
  private final GlexecValidation validation;
  private final TreeSet<Integer> liveSlots = new TreeSet<>();
  private Phase phase = Phase.QUEUED;
  private boolean retirePassed;
  private Instant retireAt;
  private Instant endAt;

  PilotLogic(PilotSpec spec, String nodeId, NodeEnvironment node, RandomGenerator random) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    this.random = Objects.requireNonNull(random, "random");
    this.validation = new GlexecValidation(spec.attributes(), node);
  }

  Phase phase() {
    return phase;
  }

  /** The glidein left the site's queue and started on its node. */
  List<Effect> landed(Instant now) {
    if (phase != Phase.QUEUED) {
      throw new IllegalStateException("landed twice: " + spec.pilotId());
    }
    phase = Phase.VALIDATING;
    retireAt = now.plus(spec.times().drawRetireTime(random));
    endAt = now.plus(spec.times().maxWalltime());
    List<Effect> out = new ArrayList<>();
    out.add(new Report(new PilotEvent.Landed(spec.pilotId(), now, nodeId)));
    out.add(new ArmTimers(retireAt, endAt));
    follow(validation.start(), now, out);
    return out;
  }

  /** The running "Hello World" test ended. */
  List<Effect> testReturned(GlexecResult result, Instant now) {
    if (phase != Phase.VALIDATING) {
      return List.of();
    }
    List<Effect> out = new ArrayList<>();
    follow(validation.onTestResult(result), now, out);
    return out;
  }

  /** The glidein's retire time came. */
  List<Effect> retireDue(Instant now) {
    if (phase == Phase.VALIDATING) {
      retirePassed = true;
      return List.of(new Report(new PilotEvent.Retired(spec.pilotId(), now)));
    }
    if (phase != Phase.RUNNING) {
      return List.of();
    }
    phase = Phase.RETIRED;
    return List.of(Signal.RETIRE_SLOTS, new Report(new PilotEvent.Retired(spec.pilotId(), now)));
  }

  /** The glidein's walltime ended. */
  List<Effect> endDue(Instant now) {
    if (phase == Phase.QUEUED || phase == Phase.EXITED) {
      return List.of();
    }
    List<Effect> out = new ArrayList<>();
    if (!liveSlots.isEmpty()) {
      out.add(Signal.SHUTDOWN_SLOTS);
    }
    exit(PilotEvent.ExitReason.WALLTIME_REACHED, now, out);
    return out;
  }

  /** One slot is gone. */
  List<Effect> slotExited(int slotIndex, Instant now) {
    if (!liveSlots.remove(slotIndex) || !liveSlots.isEmpty()) {
      return List.of();
    }
    List<Effect> out = new ArrayList<>();
    exit(PilotEvent.ExitReason.SLOTS_EXITED, now, out);
    return out;
  }

  private void follow(GlexecValidation.Next next, Instant now, List<Effect> out) {
    if (next instanceof GlexecValidation.RunTest test) {
      out.add(new RunTest(test.test(), test.glexecPath(), test.shell()));
      return;
    }
    GlideinSetup setup = ((GlexecValidation.Done) next).setup();
    out.add(new Report(new PilotEvent.SetupEnded(spec.pilotId(), now, setup)));
    if (setup instanceof GlideinSetup.Failed) {
      exit(PilotEvent.ExitReason.SETUP_FAILED, now, out);
    } else if (retirePassed) {
      exit(PilotEvent.ExitReason.SLOTS_EXITED, now, out);
    } else {
      phase = Phase.RUNNING;
      for (int i = 1; i <= spec.slots(); i++) {
        liveSlots.add(i);
      }
      out.add(new StartSlots(setup, retireAt, endAt));
    }
  }

  private void exit(PilotEvent.ExitReason reason, Instant now, List<Effect> out) {
    phase = Phase.EXITED;
    liveSlots.clear();
    out.add(new Report(new PilotEvent.Exited(spec.pilotId(), now, reason)));
    out.add(Signal.STOP);
  }
}
