package org.pilotpool.model.negotiation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserPrioritiesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);

  @Test
  void idleSubmittersRealPriorityHalvesEveryHalfLife() {
    UserPriorities p = UserPriorities.withDefaults(T0);
    p.setRealPriority("alice", 10);
    p.update(T0.plus(DAY));
    assertEquals(5.0, p.realPriority("alice"), 1e-9);
    p.update(T0.plus(DAY.multipliedBy(2)));
    assertEquals(2.5, p.realPriority("alice"), 1e-9);
  }

  @Test
  void steadyUsageMovesPriorityHalfWayToTheSlotsHeldInOneHalfLife() {
    UserPriorities p = UserPriorities.withDefaults(T0);
    p.setResourcesUsed("alice", 10, T0);
    p.update(T0.plus(DAY));
    // 0.5 * 0.5 + 10 * 0.5
    assertEquals(5.25, p.realPriority("alice"), 1e-9);
  }

  @Test
  void updatesInSmallStepsGiveTheSameDecayAsOneBigStep() {
    UserPriorities p = UserPriorities.withDefaults(T0);
    p.setRealPriority("alice", 40);
    for (int minute = 1; minute <= 24 * 60; minute++) {
      p.update(T0.plus(Duration.ofMinutes(minute)));
    }
    assertEquals(20.0, p.realPriority("alice"), 1e-6);
  }

  @Test
  void claimStartedMidIntervalIsChargedOnlyForTheTimeItRan() {
    UserPriorities p = new UserPriorities(Duration.ofSeconds(100), 1000, T0);
    p.addMatch("alice", T0.plusSeconds(50));
    p.update(T0.plusSeconds(100));
    // usage averaged over the interval is 0.5: 0.5 * 0.5 + 0.5 * 0.5
    assertEquals(0.5, p.realPriority("alice"), 1e-9);
    assertEquals(50.0, p.accumulatedUsage("alice"), 1e-9);
    assertEquals(1.0, p.resourcesUsed("alice"), 0);
  }

  @Test
  void claimEndedMidIntervalIsChargedForThePartItRan() {
    UserPriorities p = new UserPriorities(Duration.ofSeconds(100), 1000, T0);
    p.setResourcesUsed("alice", 4, T0);
    p.setResourcesUsed("alice", 0, T0.plusSeconds(25));
    p.update(T0.plusSeconds(100));
    // average usage 1 over the interval: 0.5 * 0.5 + 1 * 0.5
    assertEquals(0.75, p.realPriority("alice"), 1e-9);
    assertEquals(100.0, p.accumulatedUsage("alice"), 1e-9);
  }

  @Test
  void chargedSlotSecondsReplaceWhatTheSlotsHeldWouldCharge() {
    UserPriorities p = new UserPriorities(Duration.ofSeconds(100), 1000, T0);
    p.addMatch("alice", T0);
    // The schedd counted 150 slot-seconds (the match plus a claim of its own for half the
    // interval), and no claim now.
    p.charge("alice", 150, 0, T0.plusSeconds(100));
    p.update(T0.plusSeconds(100));
    // average usage 1.5 over the interval: 0.5 * 0.5 + 1.5 * 0.5
    assertEquals(1.0, p.realPriority("alice"), 1e-9);
    assertEquals(150.0, p.accumulatedUsage("alice"), 1e-9);
    assertEquals(0.0, p.resourcesUsed("alice"), 0);
  }

  @Test
  void slotsHeldAfterAChargeAreChargedInTheNextInterval() {
    UserPriorities p = new UserPriorities(Duration.ofSeconds(100), 1000, T0);
    p.charge("alice", 0, 2, T0);
    p.update(T0.plusSeconds(100));
    assertEquals(200.0, p.accumulatedUsage("alice"), 1e-9);
  }

  @Test
  void realPriorityNeverReadsBelowTheMinimum() {
    UserPriorities p = UserPriorities.withDefaults(T0);
    p.setRealPriority("alice", 0.1);
    p.update(T0.plus(DAY.multipliedBy(30)));
    assertEquals(UserPriorities.MIN_PRIORITY, p.realPriority("alice"));
    assertEquals(UserPriorities.MIN_PRIORITY, p.realPriority("nobody"));
  }

  @Test
  void effectivePriorityIsRealPriorityTimesTheDefaultFactorOf1000() {
    UserPriorities p = UserPriorities.withDefaults(T0);
    assertEquals(500.0, p.effectivePriority("newcomer"));
    p.setRealPriority("alice", 3);
    assertEquals(3000.0, p.effectivePriority("alice"));
  }

  @Test
  void priorityFactorBelowOneIsRaisedToOne() {
    UserPriorities p = UserPriorities.withDefaults(T0);
    p.setPriorityFactor("alice", 0.2);
    assertEquals(1.0, p.priorityFactor("alice"));
  }

  @Test
  void timeGoingBackIsRefused() {
    UserPriorities p = UserPriorities.withDefaults(T0.plusSeconds(10));
    assertThrows(IllegalArgumentException.class, () -> p.update(T0));
  }
}
