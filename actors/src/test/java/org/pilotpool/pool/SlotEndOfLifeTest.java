package org.pilotpool.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotpool.pool.PoolFixture.ALICE;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.eventlog.JobEvent;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.glexec.GlexecOperation;
import org.pilotpool.model.job.JobProfile;
import org.pilotpool.model.job.JobStatus;
import org.pilotpool.schedd.JobSubmission;
import org.pilotpool.startd.SlotEvent;

/** Slots whose pilot reaches the end of its life: retirement and hard shutdown. */
class SlotEndOfLifeTest {
  private static PoolAction.Submit preferringSiteA(Duration runTime) {
    return new PoolAction.Submit(new JobSubmission("alice", 1,
        Optional.of(PoolFixture.longProxy(ALICE)), 1, 1024, "true",
        Optional.of("TARGET.GLIDEIN_Site == \"siteA\""), Optional.empty(), Optional.empty(),
        Optional.empty(), new JobProfile(runTime, 1)));
  }

  private static boolean left(PoolRecord record, String site) {
    return record.slotEvents().stream()
        .anyMatch(e -> e instanceof SlotEvent.Left l && l.site().equals(site));
  }

  @Test
  void aShutdownEvictsTheRunningJobWhichThenRunsElsewhere() {
    Duration length = Duration.ofHours(2);
    PoolSpec spec = PoolFixture.pool(length, SiteSpec.of("siteA", 1, 1),
            SiteSpec.of("siteB", 1, 1))
        .with(Duration.ZERO, preferringSiteA(Duration.ofMinutes(40)))
        .with(Duration.ofMinutes(20), new PoolAction.ShutdownSite("siteA", "glidein lifetime over"));

    PoolRecord record = PoolFixture.run(spec, length);

    PoolJobRecord job = record.job(JobId.of(1, 0)).orElseThrow();
    assertEquals(JobStatus.COMPLETED, job.status());
    assertEquals(Optional.of("siteB"), job.site());
    assertEquals(2, job.activations());
    JobEvent.Evicted evicted = record.jobEvents().stream()
        .filter(e -> e instanceof JobEvent.Evicted).map(e -> (JobEvent.Evicted) e)
        .findFirst().orElseThrow();
    assertEquals(PoolFixture.EPOCH.plus(Duration.ofMinutes(20)), evicted.time().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    assertEquals(1, record.glexecReturned(GlexecOperation.KILL), "the evicted job was killed");
    assertTrue(left(record, "siteA"), "siteA's slot left the pool");
  }

  @Test
  void aRetiringSlotLetsItsJobFinishAndTakesNoOther() {
    Duration length = Duration.ofHours(2);
    PoolSpec spec = PoolFixture.pool(length, SiteSpec.of("siteA", 1, 1),
            SiteSpec.of("siteB", 1, 1))
        .with(Duration.ZERO, preferringSiteA(Duration.ofMinutes(20)))
        .with(Duration.ofMinutes(10), new PoolAction.RetireSite("siteA"))
        .with(Duration.ofMinutes(15), preferringSiteA(Duration.ofMinutes(20)));

    PoolRecord record = PoolFixture.run(spec, length);

    PoolJobRecord first = record.job(JobId.of(1, 0)).orElseThrow();
    PoolJobRecord second = record.job(JobId.of(2, 0)).orElseThrow();
    assertEquals(JobStatus.COMPLETED, first.status());
    assertEquals(Optional.of("siteA"), first.site());
    assertEquals(1, first.activations(), "not evicted");
    assertEquals(JobStatus.COMPLETED, second.status());
    assertEquals(Optional.of("siteB"), second.site());
    assertEquals(0, record.glexecReturned(GlexecOperation.KILL));
    assertTrue(left(record, "siteA"));
  }
}
