package org.pilotpool.pilot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.glexec.GlexecResult;
import org.pilotpool.model.glidein.NodeEnvironment;

/** The glidein's edge cases, without actors. */
class PilotLogicTest {
  private static final Instant T0 = PilotGlexecUseTest.EPOCH;
  private static final GlexecResult PASSED = GlexecResult.exited(0, "", Optional.empty(), Duration.ZERO);

  private static PilotLogic landedRequiredPilot() {
    PilotLogic logic = new PilotLogic(PilotGlexecUseTest.spec("REQUIRED", 2, PilotGlexecUseTest.TIMES), "wn0",
        NodeEnvironment.osgWithGlexec(), new SplittableRandom(1));
    List<PilotLogic.Effect> effects = logic.landed(T0);
    assertInstanceOf(PilotLogic.RunTest.class, effects.get(effects.size() - 1));
    return logic;
  }

  private static PilotEvent.ExitReason exitReason(List<PilotLogic.Effect> effects) {
    return effects.stream().filter(e -> e instanceof PilotLogic.Report r && r.event() instanceof PilotEvent.Exited)
        .map(e -> ((PilotEvent.Exited) ((PilotLogic.Report) e).event()).reason()).findFirst().orElseThrow();
  }

  @Test
  void aWalltimeEndingDuringValidationExitsWithoutSlotsToShutDown() {
    PilotLogic logic = landedRequiredPilot();
    List<PilotLogic.Effect> effects = logic.endDue(T0.plusSeconds(5));
    assertEquals(PilotEvent.ExitReason.WALLTIME_REACHED, exitReason(effects));
    assertFalse(effects.contains(PilotLogic.Signal.SHUTDOWN_SLOTS));
    assertEquals(List.of(), logic.testReturned(PASSED, T0.plusSeconds(6)), "a late test result is ignored");
  }

  @Test
  void aGlideinPastItsRetireTimeWhenValidationEndsStartsNoSlot() {
    PilotLogic logic = landedRequiredPilot();
    logic.retireDue(T0.plusSeconds(1));
    logic.testReturned(PASSED, T0.plusSeconds(2));
    List<PilotLogic.Effect> effects = logic.testReturned(PASSED, T0.plusSeconds(3));
    assertTrue(effects.stream().noneMatch(e -> e instanceof PilotLogic.StartSlots));
    assertEquals(PilotEvent.ExitReason.SLOTS_EXITED, exitReason(effects));
  }

  @Test
  void slotsThatAllExitBeforeRetirementTakeTheGlideinWithThem() {
    PilotLogic logic = landedRequiredPilot();
    logic.testReturned(PASSED, T0.plusSeconds(1));
    logic.testReturned(PASSED, T0.plusSeconds(2));
    assertEquals(List.of(), logic.slotExited(1, T0.plusSeconds(60)));
    assertEquals(List.of(), logic.slotExited(1, T0.plusSeconds(61)), "a repeated report changes nothing");
    assertEquals(PilotEvent.ExitReason.SLOTS_EXITED, exitReason(logic.slotExited(2, T0.plusSeconds(62))));
    assertEquals(PilotLogic.Phase.EXITED, logic.phase());
  }
}
