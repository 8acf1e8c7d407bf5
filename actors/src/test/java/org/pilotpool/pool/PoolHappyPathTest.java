package org.pilotpool.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotpool.pool.PoolFixture.ALICE;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.glexec.GlexecOperation;
import org.pilotpool.model.job.JobProfile;
import org.pilotpool.model.job.JobStatus;
import org.pilotpool.schedd.JobSubmission;

class PoolHappyPathTest {
  @Test
  void jobsOfAPermittedUserRunThroughSetupLaunchAndCleanupAndComplete() {
    Duration length = Duration.ofHours(2);
    PoolSpec spec = PoolFixture.pool(length, SiteSpec.of("siteA", 1, 2))
        .with(Duration.ZERO, new PoolAction.Submit(PoolFixture.jobs("alice",
            PoolFixture.longProxy(ALICE), 3, Duration.ofMinutes(10), 2)));

    PoolRecord record = PoolFixture.run(spec, length);

    assertEquals(3, record.jobs().size());
    record.jobs().forEach(j -> assertEquals(JobStatus.COMPLETED, j.status(), j.toString()));
    record.jobs().forEach(j -> assertEquals(3, j.glexecCalls(), "setup, launch, cleanup"));
    assertEquals(3, record.glexecReturned(GlexecOperation.SETUP));
    assertEquals(3, record.glexecReturned(GlexecOperation.LAUNCH));
    assertEquals(3, record.glexecReturned(GlexecOperation.CLEANUP));
    assertEquals(0, record.glexecReturned(GlexecOperation.KILL));
    assertTrue(record.eventLog().contains("005 (001.002.000)"), record.eventLog());
    assertEquals(1, record.siteStats().size(), "site stats taken");
  }

  @Test
  void aSubmitTheScheddRefusesIsRecordedWithItsReason() {
    Duration length = Duration.ofMinutes(10);
    PoolSpec spec = PoolFixture.pool(length, SiteSpec.of("siteA", 1, 2))
        .with(Duration.ZERO, new PoolAction.Submit(JobSubmission.of("alice", 1,
            Optional.of(PoolFixture.longProxy(ALICE)), 1, 1024, "(((",
            new JobProfile(Duration.ofMinutes(1), 1))));

    PoolRecord record = PoolFixture.run(spec, length);

    assertEquals(0, record.jobs().size());
    assertEquals(1, record.rejectedSubmits().size());
    assertTrue(record.rejectedSubmits().get(0).contains("Requirements"),
        record.rejectedSubmits().toString());
  }
}
