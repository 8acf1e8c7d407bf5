package org.pilotpool.model.glidein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.input.BadInputException;

class FactoryLogicTest {
  private static EntryState entry(String site, double idle, int unclaimed, int pending, int running, int slots) {
    return new EntryState(site, new SiteDemand(idle, unclaimed), pending, running, EntryLimits.defaults(), slots);
  }

  @Test
  void sitesGetWaitingGlideinsInProportionToTheirIdleJobs() {
    Map<String, Integer> plan = FactoryLogic.plan(List.of(
        entry("Alpha", 40, 0, 0, 0, 2), entry("Beta", 20, 0, 0, 0, 2), entry("Gamma", 0, 0, 0, 0, 2)));
    assertEquals(Map.of("Alpha", 20, "Beta", 10, "Gamma", 0), plan);
  }

  @Test
  void glideinsAlreadyWaitingCountAgainstTheDemand() {
    assertEquals(5, FactoryLogic.toSubmit(entry("Alpha", 40, 0, 15, 0, 2)));
    assertEquals(0, FactoryLogic.toSubmit(entry("Alpha", 40, 0, 20, 0, 2)), "demand met: no more");
    assertEquals(0, FactoryLogic.toSubmit(entry("Alpha", 40, 0, 25, 0, 2)), "never negative");
  }

  @Test
  void unclaimedSlotsOfRunningGlideinsCoverIdleJobs() {
    assertEquals(3, FactoryLogic.toSubmit(entry("Alpha", 10, 4, 0, 2, 2)));
    assertEquals(0, FactoryLogic.toSubmit(entry("Alpha", 10, 12, 0, 6, 2)));
  }

  @Test
  void aFractionalShareOfAJobStillAsksForAGlidein() {
    assertEquals(1, FactoryLogic.toSubmit(entry("Alpha", 0.5, 0, 0, 0, 4)));
  }

  @Test
  void entryLimitsCapTheSubmissions() {
    EntryLimits limits = new EntryLimits(30, 50, 10);
    assertEquals(10, FactoryLogic.toSubmit(new EntryState("A", new SiteDemand(100, 0), 0, 0, limits, 1)),
        "max submitted per cycle");
    assertEquals(5, FactoryLogic.toSubmit(new EntryState("A", new SiteDemand(100, 0), 25, 0, limits, 1)),
        "max idle");
    assertEquals(2, FactoryLogic.toSubmit(new EntryState("A", new SiteDemand(100, 0), 8, 40, limits, 1)),
        "max glideins");
  }

  @Test
  void negativeLimitsAreRejectedNamingTheKey() {
    BadInputException e = assertThrows(BadInputException.class, () -> new EntryLimits(-1, 10, 10));
    assertEquals("factory.entry.max-idle", e.key().orElseThrow());
  }
}
