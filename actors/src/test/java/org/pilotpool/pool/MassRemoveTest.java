package org.pilotpool.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotpool.pool.PoolFixture.ALICE;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.glexec.GlexecOperation;
import org.pilotpool.model.job.JobStatus;
import org.pilotpool.schedd.JobSelector;
import org.pilotpool.schedd.ScheddConfig;

/** condor_rm of 1,000 running jobs: the KILL calls the schedd's action queue lets through. */
class MassRemoveTest {
  private static final Duration RM_AT = Duration.ofMinutes(30);

  private static PoolRecord removeAll(ScheddConfig schedd) {
    Duration length = Duration.ofHours(1);
    PoolSpec spec = PoolFixture.pool(length, SiteSpec.of("siteA", 100, 10))
        .withSchedd(schedd)
        .with(Duration.ZERO, new PoolAction.Submit(PoolFixture.jobs("alice",
            PoolFixture.longProxy(ALICE), 1000, Duration.ofHours(10), 1)))
        .with(RM_AT, new PoolAction.Remove(new JobSelector.ByOwner("alice"), "mass removal"));
    PoolRecord record = PoolFixture.run(spec, length);
    assertEquals(1000, record.jobs().stream().filter(j -> j.firstStart().isPresent()
        && j.firstStart().get().isBefore(PoolFixture.EPOCH.plus(RM_AT))).count(),
        "all 1000 jobs were running when removed");
    record.jobs().forEach(j -> assertEquals(JobStatus.REMOVED, j.status()));
    return record;
  }

  /** First KILL calls (retries left out) per whole second since the start. */
  private static Map<Long, Integer> firstKillsPerSecond(PoolRecord record) {
    Map<Long, Integer> perSecond = new TreeMap<>();
    for (GlexecCallRecord call : record.glexecInvocations()) {
      if (call.operation() == GlexecOperation.KILL && call.callId().endsWith("#1")) {
        long second = Duration.between(PoolFixture.EPOCH, call.time()).toSeconds();
        perSecond.merge(second, 1, Integer::sum);
      }
    }
    return perSecond;
  }

  @Test
  void withGlideinWmsStopThrottleKillsLeaveAtThirtyPerSecond() {
    PoolRecord record = removeAll(ScheddConfig.glideinWmsRecommended());

    Map<Long, Integer> perSecond = firstKillsPerSecond(record);
    assertEquals(1000, perSecond.values().stream().mapToInt(Integer::intValue).sum());
    List<Integer> counts = List.copyOf(perSecond.values());
    // 1000 = 33 × 30 + 10: JOB_STOP_COUNT every JOB_STOP_DELAY.
    assertEquals(34, counts.size(), "seconds with kills: " + perSecond);
    counts.subList(0, 33).forEach(c -> assertEquals(30, c));
    assertEquals(10, counts.get(33));
    long first = perSecond.keySet().iterator().next();
    assertTrue(first >= RM_AT.toSeconds(), "no kill before the rm");
  }

  @Test
  void withoutAStopDelayAllKillsLeaveInOneBurst() {
    PoolRecord record = removeAll(ScheddConfig.defaults());

    List<Instant> firstKills = record.glexecInvocations().stream()
        .filter(c -> c.operation() == GlexecOperation.KILL && c.callId().endsWith("#1"))
        .map(GlexecCallRecord::time).distinct().toList();
    assertEquals(List.of(PoolFixture.EPOCH.plus(RM_AT)), firstKills,
        "every first KILL call at the instant of the rm");
    assertEquals(1000, record.glexecInvocations().stream()
        .filter(c -> c.operation() == GlexecOperation.KILL && c.callId().endsWith("#1")).count());
  }
}
