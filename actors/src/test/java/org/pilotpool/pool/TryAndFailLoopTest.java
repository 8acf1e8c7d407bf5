package org.pilotpool.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotpool.pool.PoolFixture.ALICE;
import static org.pilotpool.pool.PoolFixture.EPOCH;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pilotpool.authz.BanChange;
import org.pilotpool.authz.BanTarget;
import org.pilotpool.authz.SiteAuthzConfig;
import org.pilotpool.model.eventlog.JobEvent;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.glexec.GlexecOperation;
import org.pilotpool.model.job.JobProfile;
import org.pilotpool.model.job.JobStatus;
import org.pilotpool.schedd.JobSubmission;
import org.pilotpool.starter.DenialPolicy;
import org.pilotpool.starter.StarterEvent;
import org.pilotpool.startd.SlotEvent;

/** A user the site denies: HTCondor's hold, the loop with holding off, and our site exclusion. */
class TryAndFailLoopTest {
  private static final JobId JOB = JobId.of(1, 0);

  private static SiteSpec banningAlice(String name) {
    return SiteSpec.of(name, 1, 1).withAuthz(SiteAuthzConfig.defaults().toBuilder()
        .banSchedule(List.of(BanChange.ban(EPOCH, BanTarget.dn(ALICE)))).build());
  }

  private static PoolAction.Submit aliceJob() {
    return new PoolAction.Submit(PoolFixture.jobs("alice", PoolFixture.longProxy(ALICE), 1,
        Duration.ofMinutes(20), 1));
  }

  @Test
  void deniedJobIsHeldWithCode28AfterItsFirstFailedStart() {
    Duration length = Duration.ofHours(1);
    PoolSpec spec = PoolFixture.pool(length, banningAlice("siteA"))
        .with(Duration.ZERO, aliceJob());

    PoolRecord record = PoolFixture.run(spec, length);

    PoolJobRecord job = record.job(JOB).orElseThrow();
    assertEquals(JobStatus.HELD, job.status());
    assertEquals(Optional.of(28), job.holdCode());
    assertEquals(1, job.activations(), "held after the first start, not started again");
    JobEvent.Held held = record.jobEvents().stream()
        .filter(e -> e instanceof JobEvent.Held).map(e -> (JobEvent.Held) e)
        .findFirst().orElseThrow();
    // 203 is retried GLEXEC_RETRIES times, then condor_glexec_setup exits 3: wait status 768.
    assertEquals(768, held.holdSubcode());
    assertTrue(held.reason().orElseThrow().startsWith("error changing sandbox ownership to the "
        + "user: condor_glexec_setup exited with status 768 and the following output: glexec:"),
        held.reason().orElseThrow());
    assertEquals(4, record.glexecReturned(GlexecOperation.SETUP), "first call and 3 retries");
    assertEquals(0, record.glexecReturned(GlexecOperation.LAUNCH));
  }

  @Test
  void withHoldingOffTheDeniedJobLoopsAboutOncePerNegotiatorInterval() {
    Duration length = Duration.ofHours(2);
    PoolSpec spec = PoolFixture.pool(length, banningAlice("siteA"))
        .withStarter(org.pilotpool.starter.StarterConfig.defaults()
            .withHoldOnInitialFailure(false))
        .with(Duration.ZERO, aliceJob());

    PoolRecord record = PoolFixture.run(spec, length);

    assertEquals(Optional.empty(), record.job(JOB).orElseThrow().holdCode(), "never held");
    assertTrue(record.jobEvents().stream().noneMatch(e -> e instanceof JobEvent.Held));
    long exceptions = record.jobEvents().stream()
        .filter(e -> e instanceof JobEvent.ShadowException).count();
    double perHour = exceptions / 2.0;
    // NEGOTIATOR_INTERVAL is 60 s: one match, one failed start, one 007 per cycle.
    assertTrue(perHour >= 55 && perHour <= 60, "loops per hour: " + perHour);
    assertTrue(record.eventLog().contains("007 (001.000.000)"));
    assertTrue(record.eventLog().contains("Shadow exception!"));
    assertEquals(4 * exceptions, record.glexecReturned(GlexecOperation.SETUP),
        "every loop costs the first call and 3 retries");
  }

  @Test
  void withSiteExclusionTheDeniedJobRunsAtASiteThatPermitsItsUser() {
    Duration length = Duration.ofHours(2);
    // The job prefers siteA, which denies alice; siteB permits her.
    JobSubmission preferringA = new JobSubmission("alice", 1,
        Optional.of(PoolFixture.longProxy(ALICE)), 1, 1024, "true",
        Optional.of("TARGET.GLIDEIN_Site == \"siteA\""), Optional.empty(), Optional.empty(),
        Optional.empty(), new JobProfile(Duration.ofMinutes(20), 1));
    PoolSpec spec = PoolFixture.pool(length, banningAlice("siteA"), SiteSpec.of("siteB", 1, 1))
        .withStarter(org.pilotpool.starter.StarterConfig.defaults()
            .withDenialPolicy(DenialPolicy.EXCLUDE_SITE))
        .with(Duration.ZERO, new PoolAction.Submit(preferringA));

    PoolRecord record = PoolFixture.run(spec, length);

    PoolJobRecord job = record.job(JOB).orElseThrow();
    assertEquals(JobStatus.COMPLETED, job.status());
    assertEquals(Optional.of("siteB"), job.site());
    assertEquals(2, job.activations(), "denied once at siteA, then run at siteB");
    List<SlotEvent.Activated> starts = record.slotEvents().stream()
        .filter(e -> e instanceof SlotEvent.Activated).map(e -> (SlotEvent.Activated) e)
        .toList();
    assertEquals("siteA", starts.get(0).site());
    assertTrue(record.slotEvents().stream().anyMatch(e -> e instanceof SlotEvent.Noted n
        && n.event() instanceof StarterEvent.SiteDenied d && d.site().equals("siteA")));
    assertTrue(record.jobEvents().stream().anyMatch(e -> e instanceof JobEvent.Evicted),
        "the denied start is an eviction (004)");
    assertTrue(record.jobEvents().stream().noneMatch(e -> e instanceof JobEvent.Held));
  }
}
