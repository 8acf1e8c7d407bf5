package org.pilotpool.pilot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.input.BadInputException;

/** A glidein's retire time and walltime, counted from its landing, in virtual time. */
class PilotLifetimeTest {
  private static final Instant LANDED = PilotGlexecUseTest.EPOCH.plus(Duration.ofMinutes(10));
  private static final PilotTimes TIMES = PilotTimes.of(Duration.ofHours(8), Duration.ofHours(6));

  private static Instant minute(Instant t) {
    return t.truncatedTo(ChronoUnit.MINUTES);
  }

  @Test
  void aGlideinRetiresItsSlotsAtItsRetireTimeAndShutsThemDownAtItsWalltime() {
    // Jobs that never finish: the slots are still busy when the walltime ends.
    PilotGlexecUseTest.Run run = PilotGlexecUseTest.run(PilotGlexecUseTest.spec("REQUIRED", 2, TIMES), 0.0,
        new TestSlots(null), Duration.ofHours(10));
    List<TestSlots.Event> events = run.slots().events();
    assertEquals(List.of("retire", "retire", "shutdown", "shutdown"), events.stream().map(TestSlots.Event::what).toList());
    assertEquals(LANDED.plus(Duration.ofHours(6)), minute(events.get(0).at()), "retired at landing + retire time");
    assertEquals(LANDED.plus(Duration.ofHours(8)), minute(events.get(2).at()), "shut down at landing + walltime");
    PilotEvent.Exited exit = run.exit();
    assertEquals(PilotEvent.ExitReason.WALLTIME_REACHED, exit.reason());
    assertEquals(events.get(2).at(), exit.at());
    assertTrue(run.events().stream().anyMatch(e -> e instanceof PilotEvent.Retired r
        && r.at().equals(events.get(0).at())), "the factory hears of the retirement");
  }

  @Test
  void aRetiredGlideinLeavesWhenItsLastSlotHasDrained() {
    PilotGlexecUseTest.Run run = PilotGlexecUseTest.run(PilotGlexecUseTest.spec("NEVER", 3, TIMES), 0.0,
        new TestSlots(Duration.ofMinutes(20)), Duration.ofHours(10));
    PilotEvent.Exited exit = run.exit();
    assertEquals(PilotEvent.ExitReason.SLOTS_EXITED, exit.reason());
    assertEquals(LANDED.plus(Duration.ofHours(6)).plus(Duration.ofMinutes(20)), minute(exit.at()));
    assertTrue(run.slots().events().stream().noneMatch(e -> e.what().equals("shutdown")),
        "nothing left to shut down");
  }

  @Test
  void slotsAreToldTheRetireAndEndInstants() {
    PilotGlexecUseTest.Run run = PilotGlexecUseTest.run(PilotGlexecUseTest.spec("REQUIRED", 1, TIMES), 0.0,
        new TestSlots(null), Duration.ofHours(1));
    SlotRequest slot = run.slots().launched().get(0);
    assertEquals(LANDED.plus(Duration.ofHours(6)), minute(slot.retireAt()));
    assertEquals(LANDED.plus(Duration.ofHours(8)), minute(slot.endAt()));
  }

  @Test
  void theRetireSpreadRetiresUpToThatMuchEarlierButNeverBeforeTenMinutes() {
    PilotTimes spread = new PilotTimes(Duration.ofHours(8), Duration.ofHours(6), Duration.ofHours(1));
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200; i++) {
      Duration drawn = spread.drawRetireTime(random);
      assertTrue(drawn.compareTo(Duration.ofHours(5)) > 0 && drawn.compareTo(Duration.ofHours(6)) <= 0, drawn.toString());
    }
    PilotTimes wide = new PilotTimes(Duration.ofHours(8), Duration.ofMinutes(20), Duration.ofHours(2));
    for (int i = 0; i < 200; i++) {
      assertTrue(wide.drawRetireTime(random).compareTo(PilotTimes.MIN_RETIRE_TIME) >= 0);
    }
  }

  @Test
  void aRetireTimeNotBeforeTheWalltimeIsRejectedNamingTheKey() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> PilotTimes.of(Duration.ofHours(8), Duration.ofHours(8)));
    assertEquals("glidein.retire-time", e.key().orElseThrow());
  }
}
