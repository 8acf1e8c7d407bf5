package org.pilotpool.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotpool.pool.PoolFixture.ALICE;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pilotpool.glexec.sim.SimGlexecConfig;
import org.pilotpool.model.glexec.GlexecOperation;
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
}
