package org.pilotpool.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotpool.pool.PoolFixture.ALICE;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pilotpool.glexec.sim.SimGlexecConfig;
import org.pilotpool.model.eventlog.JobEvent;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.glexec.GlexecOperation;
import org.pilotpool.model.glidein.EntryLimits;
import org.pilotpool.model.glidein.GlexecBin;
import org.pilotpool.model.glidein.NodeEnvironment;
import org.pilotpool.model.glidein.GlexecUse;
import org.pilotpool.model.job.JobStatus;
import org.pilotpool.pilot.PilotTimes;
import org.pilotpool.startd.SlotEvent;

/** Sites whose slots come from glideins the factory submits, end to end. */
class PilotPoolTest {
  static final PilotTimes LONG_LIVED = PilotTimes.of(Duration.ofHours(4), Duration.ofHours(3));

  static SiteSpec pilotSite(String name, int nodes, Provisioning.Pilots pilots) {
    return SiteSpec.of(name, nodes, 0).withPilots(pilots);
  }

  static SiteSpec brokenGlexec(SiteSpec site) {
    SimGlexecConfig d = SimGlexecConfig.defaults();
    return site.withGlexec(new SimGlexecConfig(d.semantics(), d.localLatency(), d.linger(),
        d.lingerPipeHang(), d.x509UserProxyBug(), 1.0, d.nonSearchableDirectories()));
  }

  static PoolAction.Submit aliceJobs(int count, Duration runTime) {
    return new PoolAction.Submit(PoolFixture.jobs("alice", PoolFixture.longProxy(ALICE), count,
        runTime, 1));
  }

  static List<SlotEvent.Activated> activations(PoolRecord record) {
    return record.slotEvents().stream().filter(e -> e instanceof SlotEvent.Activated)
        .map(e -> (SlotEvent.Activated) e).toList();
  }

  static long glideinsThatValidated(PoolRecord record) {
    return record.glexecInvocations().stream()
        .filter(c -> c.operation() == GlexecOperation.VALIDATE)
        .map(c -> c.callId().substring(0, c.callId().indexOf('/')))
        .distinct().count();
  }

  @Test
  void jobsOnAGlideinSiteRunToCompletionOnGlideinSlotsThroughGlexec() {
    Duration length = Duration.ofHours(2);
    PoolSpec spec = PoolFixture.pool(length,
            pilotSite("siteP", 2, Provisioning.Pilots.osg(2, LONG_LIVED)))
        .with(Duration.ZERO, aliceJobs(4, Duration.ofMinutes(20)));

    PoolRecord record = PoolFixture.run(spec, length);

    record.jobs().forEach(j -> assertEquals(JobStatus.COMPLETED, j.status(), j.toString()));
    assertEquals(4, record.jobs().size());
    activations(record).forEach(a -> assertTrue(a.slot().contains("@glidein_siteP_"), a.slot()));
    assertEquals(4, record.glexecReturned(GlexecOperation.LAUNCH), "glexec enabled: one launch each");
    assertTrue(glideinsThatValidated(record) >= 2, "two glideins cover four jobs");
  }

  @Test
  void neverOnABrokenGlexecSiteRunsTheJobsWithoutAnyGlexecCall() {
    Duration length = Duration.ofHours(2);
    PoolSpec spec = PoolFixture.pool(length,
            brokenGlexec(pilotSite("siteP", 2, Provisioning.Pilots.osg(2, LONG_LIVED))))
        .withGlexecUse(GlexecUse.NEVER)
        .with(Duration.ZERO, aliceJobs(4, Duration.ofMinutes(20)));

    PoolRecord record = PoolFixture.run(spec, length);

    record.jobs().forEach(j -> assertEquals(JobStatus.COMPLETED, j.status(), j.toString()));
    record.jobs().forEach(j -> assertEquals(0, j.glexecCalls(), j.toString()));
    assertEquals(0, record.glexecInvoked(), "neither validation nor jobs call glexec");
  }

  @Test
  void optionalOnABrokenGlexecSiteFailsEveryGlideinAndTheJobsStayIdleWhileTheFactoryRetries() {
    assertGlideinsFailAndJobsStayIdle(GlexecUse.OPTIONAL);
  }

  @Test
  void requiredOnABrokenGlexecSiteFailsEveryGlideinAndTheJobsStayIdleWhileTheFactoryRetries() {
    assertGlideinsFailAndJobsStayIdle(GlexecUse.REQUIRED);
  }

  private static void assertGlideinsFailAndJobsStayIdle(GlexecUse use) {
    Duration length = Duration.ofHours(1);
    PoolSpec spec = PoolFixture.pool(length,
            brokenGlexec(pilotSite("siteP", 2, Provisioning.Pilots.osg(2, LONG_LIVED))))
        .withGlexecUse(use)
        .with(Duration.ZERO, aliceJobs(4, Duration.ofMinutes(20)));

    PoolRecord record = PoolFixture.run(spec, length);

    record.jobs().forEach(j -> assertEquals(JobStatus.IDLE, j.status(), j.toString()));
    assertEquals(List.of(), activations(record), "no slot ever started");
    assertTrue(record.slotEvents().isEmpty(), "no glidein got past its glexec setup");
    assertTrue(glideinsThatValidated(record) > 4,
        "the factory keeps submitting glideins that fail: " + glideinsThatValidated(record));
    assertEquals(0, record.glexecReturned(GlexecOperation.SETUP));
  }

  @Test
  void aJobRunningAtTheGlideinsWalltimeIsEvictedRequeuedAndRunsOnANewGlidein() {
    // One glidein at a time, one slot: it retires 30 min after landing and ends at 60 min.
    Provisioning.Pilots oneAtATime = Provisioning.Pilots.osg(1,
        PilotTimes.of(Duration.ofMinutes(60), Duration.ofMinutes(30)))
        .withLimits(new EntryLimits(1, 1, 1));
    Duration length = Duration.ofHours(3);
    PoolSpec spec = PoolFixture.pool(length, pilotSite("siteP", 1, oneAtATime))
        .with(Duration.ofSeconds(30), aliceJobs(1, Duration.ofMinutes(25)))
        .with(Duration.ofSeconds(30), aliceJobs(1, Duration.ofMinutes(40)));

    PoolRecord record = PoolFixture.run(spec, length);

    PoolJobRecord first = record.job(JobId.of(1, 0)).orElseThrow();
    PoolJobRecord second = record.job(JobId.of(2, 0)).orElseThrow();
    assertEquals(JobStatus.COMPLETED, first.status());
    assertEquals(1, first.activations(), "done well before the walltime");
    assertEquals(JobStatus.COMPLETED, second.status());
    assertEquals(2, second.activations(), "evicted once, then run again");
    List<String> slotsOfSecond = activations(record).stream()
        .filter(a -> a.job().equals(JobId.of(2, 0))).map(SlotEvent.Activated::slot).toList();
    assertTrue(slotsOfSecond.get(0).contains("glidein_siteP_1@"), slotsOfSecond.toString());
    assertTrue(slotsOfSecond.get(1).contains("glidein_siteP_2@"), slotsOfSecond.toString());
    JobEvent.Evicted evicted = record.jobEvents().stream()
        .filter(e -> e instanceof JobEvent.Evicted).map(e -> (JobEvent.Evicted) e)
        .findFirst().orElseThrow();
    // The factory's cycle at 1 min sees the jobs; its glidein waits five minutes in the queue,
    // and its walltime ends an hour after landing.
    assertEquals(PoolFixture.EPOCH.plus(Duration.ofMinutes(66)),
        evicted.time().truncatedTo(ChronoUnit.MINUTES));
    List<String> left = record.slotEvents().stream().filter(e -> e instanceof SlotEvent.Left)
        .map(SlotEvent::slot).toList();
    assertEquals(2, left.size(), "both glideins' slots left: " + left);
    assertTrue(record.slotEvents().stream().noneMatch(e -> e instanceof SlotEvent.Activated a
        && a.slot().contains("glidein_siteP_1@")
        && a.time().isAfter(PoolFixture.EPOCH.plus(Duration.ofMinutes(36)))),
        "the first glidein takes no job after its retire time");
  }

  @Test
  void aGlideinPoolRunIsTheSameTwice() {
    Duration length = Duration.ofHours(2);
    PoolSpec spec = PoolFixture.pool(length, pilotSite("siteP", 3,
            new Provisioning.Pilots(2, new PilotTimes(Duration.ofMinutes(80),
                Duration.ofMinutes(50), Duration.ofMinutes(20)), GlexecBin.OSG,
                EntryLimits.defaults(), Duration.ofMinutes(5), NodeEnvironment.osgWithGlexec())))
        .with(Duration.ZERO, aliceJobs(6, Duration.ofMinutes(30)));

    PoolRecord first = PoolFixture.run(spec, length);
    PoolRecord second = PoolFixture.run(spec, length);

    assertEquals(first.eventLog(), second.eventLog());
    assertEquals(first.glexecInvocations(), second.glexecInvocations());
    assertEquals(first.slotEvents(), second.slotEvents());
  }
}
