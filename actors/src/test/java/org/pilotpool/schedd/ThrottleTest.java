package org.pilotpool.schedd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.eventlog.JobId;

class ThrottleTest {
  /** Counts the effects of a type per instant they were emitted at, by stepping one second. */
  private static Map<Duration, Integer> perSecond(ScheddFixture f,
      Class<? extends ScheddEffect> type, int seconds) {
    Map<Duration, Integer> batches = new TreeMap<>();
    int seen = f.port.effects(type).size();
    for (int s = 0; s <= seconds; s++) {
      if (s > 0) {
        f.port.advance(Duration.ofSeconds(1));
      } else {
        f.port.settle();
      }
      int now = f.port.effects(type).size();
      if (now > seen) {
        batches.put(f.port.sinceEpoch(), now - seen);
      }
      seen = now;
    }
    return batches;
  }

  private static ScheddFixture runningJobs(ScheddConfig config, int n) {
    ScheddFixture f = new ScheddFixture(config);
    f.run(f.submit("alice", n));
    assertEquals(n, f.schedd.runningShadows());
    return f;
  }

  @Test
  void massRemovalOfRunningJobsIssuesKillsAtStopCountPerStopDelay() {
    ScheddFixture f = runningJobs(ScheddConfig.defaults().withJobStop(Duration.ofSeconds(1), 30),
        1000);
    assertEquals(1000, f.schedd.remove(new JobSelector.ByOwner("alice"), "via condor_rm").size());
    Map<Duration, Integer> batches = perSecond(f, ScheddEffect.KillJob.class, 60);
    assertEquals(34, batches.size());
    List<Duration> at = new ArrayList<>(batches.keySet());
    assertEquals(Duration.ofSeconds(1), at.get(0));
    assertEquals(Duration.ofSeconds(33), at.get(33).minus(at.get(0)));
    assertTrue(batches.values().stream().limit(33).allMatch(n -> n == 30));
    assertEquals(10, batches.get(at.get(33)));
  }

  @Test
  void massRemovalWithZeroStopDelayKillsEveryJobInOneBurst() {
    ScheddFixture f = runningJobs(ScheddConfig.defaults(), 1000);
    f.schedd.remove(new JobSelector.ByOwner("alice"), "via condor_rm");
    Map<Duration, Integer> batches = perSecond(f, ScheddEffect.KillJob.class, 5);
    assertEquals(Map.of(Duration.ZERO, 1000), batches);
  }

  @Test
  void heldRunningJobsAreKilledThroughTheSameActionQueue() {
    ScheddFixture f = runningJobs(ScheddConfig.defaults().withJobStop(Duration.ofSeconds(2), 4),
        10);
    f.schedd.hold(new JobSelector.ByOwner("alice"), "via condor_hold");
    assertEquals(Map.of(Duration.ofSeconds(2), 4, Duration.ofSeconds(4), 4,
        Duration.ofSeconds(6), 2), perSecond(f, ScheddEffect.KillJob.class, 10));
    assertTrue(f.port.effects(ScheddEffect.KillJob.class).stream()
        .allMatch(k -> k.reason() == ScheddEffect.KillReason.HOLD));
  }

  @Test
  void startThrottleStartsStartCountShadowsPerStartDelay() {
    ScheddFixture f = new ScheddFixture(
        ScheddConfig.defaults().withJobStart(Duration.ofSeconds(2), 50));
    List<JobId> ids = f.submit("alice", 120);
    for (int i = 0; i < ids.size(); i++) {
      f.schedd.matchFound(ids.get(i), ScheddFixture.slot("slot" + i));
      f.schedd.claimResponse("slot" + i, true);
    }
    assertEquals(Map.of(Duration.ofSeconds(2), 50, Duration.ofSeconds(4), 50,
        Duration.ofSeconds(6), 20), perSecond(f, ScheddEffect.ActivateClaim.class, 10));
  }

  @Test
  void maxJobsRunningHoldsBackShadowStartsUntilAShadowExits() {
    ScheddFixture f = new ScheddFixture(ScheddConfig.defaults().withMaxJobsRunning(2));
    List<JobId> ids = f.submit("alice", 3);
    f.run(ids);
    assertEquals(2, f.schedd.runningShadows());
    Instant before = f.now();
    f.port.advance(Duration.ofMinutes(5));
    assertEquals(2, f.port.effects(ScheddEffect.ActivateClaim.class).size());
    f.schedd.jobExited(ids.get(0), f.slotOf(ids.get(0)), new ShadowOutcome.NotStarted());
    f.port.settle();
    List<ScheddEffect.ActivateClaim> starts = f.port.effects(ScheddEffect.ActivateClaim.class);
    assertEquals(3, starts.size());
    assertEquals(ids.get(2), starts.get(2).job().id());
    assertTrue(f.now().isAfter(before));
  }
}
