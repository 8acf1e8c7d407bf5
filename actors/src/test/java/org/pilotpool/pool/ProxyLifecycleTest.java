package org.pilotpool.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pilotpool.pool.PoolFixture.ALICE;
import static org.pilotpool.pool.PoolFixture.BOB;
import static org.pilotpool.pool.PoolFixture.CMS;
import static org.pilotpool.pool.PoolFixture.EPOCH;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.eventlog.JobEvent;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.glexec.GlexecOperation;
import org.pilotpool.model.job.HoldReasonCode;
import org.pilotpool.model.job.JobStatus;
import org.pilotpool.schedd.ShadowOutcome;
import org.pilotpool.schedd.JobSelector;
import org.pilotpool.starter.IdentityPolicy;
import org.pilotpool.starter.StarterConfig;
import org.pilotpool.starter.StarterEvent;
import org.pilotpool.startd.SlotEvent;

/** Proxy expiry and re-delegation while the job runs. */
class ProxyLifecycleTest {
  private static final JobId JOB = JobId.of(1, 0);

  private static List<StarterEvent> starterEvents(PoolRecord record) {
    return record.slotEvents().stream().filter(e -> e instanceof SlotEvent.Noted)
        .map(e -> ((SlotEvent.Noted) e).event()).toList();
  }

  @Test
  void proxyThirtyMinutesFromExpiryIsEvictedSixtySecondsBeforeWithHoldCode4() {
    Duration length = Duration.ofHours(2);
    // The first negotiation cycle is at 60 s: the job starts 30 minutes before expiry.
    Instant expiry = EPOCH.plus(Duration.ofMinutes(31));
    PoolSpec spec = PoolFixture.pool(length, SiteSpec.of("siteA", 1, 1))
        .with(Duration.ZERO, new PoolAction.Submit(PoolFixture.jobs("alice",
            PoolFixture.proxy(ALICE, CMS, expiry), 1, Duration.ofHours(1), 2)));

    PoolRecord record = PoolFixture.run(spec, length);

    PoolJobRecord job = record.job(JOB).orElseThrow();
    assertEquals(JobStatus.HELD, job.status());
    assertEquals(Optional.of(4), job.holdCode());
    JobEvent.Held held = record.jobEvents().stream().filter(e -> e instanceof JobEvent.Held)
        .map(e -> (JobEvent.Held) e).findFirst().orElseThrow();
    assertEquals("Proxy about to expire", held.reason().orElseThrow());
    assertEquals(0, held.holdSubcode());
    List<GlexecCallRecord> kills = record.glexecInvocations().stream()
        .filter(c -> c.operation() == GlexecOperation.KILL).toList();
    assertEquals(2, kills.size(), "one KILL per process of the family");
    kills.forEach(k -> assertEquals(expiry.minusSeconds(60), k.time(),
        "killed PROXY_EXPIRING_EVICTION_TIME before expiry"));
    assertTrue(held.time().isBefore(expiry), "held while the proxy could still clean up");
    assertEquals(Optional.of(2L), Optional.ofNullable(
        record.glexecResults().get(GlexecOperation.KILL)).map(m -> m.get("0")));
    assertEquals(1, record.glexecReturned(GlexecOperation.CLEANUP));
  }

  private static PoolRecord redelegateToBobThenRemove(IdentityPolicy policy) {
    Duration length = Duration.ofHours(2);
    PoolSpec spec = PoolFixture.pool(length, SiteSpec.of("siteA", 1, 1))
        .withStarter(StarterConfig.defaults().withIdentityPolicy(policy))
        .with(Duration.ZERO, new PoolAction.Submit(PoolFixture.jobs("alice",
            PoolFixture.longProxy(ALICE), 1, Duration.ofHours(1), 3)))
        .with(Duration.ofMinutes(5),
            new PoolAction.DelegateProxy(JOB, PoolFixture.longProxy(BOB)))
        .with(Duration.ofMinutes(40),
            new PoolAction.Remove(new JobSelector.ById(JOB), "no longer needed"));
    return PoolFixture.run(spec, length);
  }

  @Test
  void ourPolicyRefusesAnIdentityChangeAndKeepsControlOfTheJob() {
    PoolRecord record = redelegateToBobThenRemove(IdentityPolicy.REFUSE_IDENTITY_CHANGE);

    List<StarterEvent> events = starterEvents(record);
    assertTrue(events.stream().anyMatch(e -> e instanceof StarterEvent.IdentityChangeRefused r
        && r.oldIdentity().equals(ALICE) && r.newIdentity().equals(BOB)), events.toString());
    assertEquals(0, record.glexecReturned(GlexecOperation.UPDATE_PROXY), "nothing installed");
    assertTrue(events.stream().noneMatch(e -> e instanceof StarterEvent.ControlLost));
    assertEquals(3, record.glexecReturned(GlexecOperation.KILL));
    assertEquals(JobStatus.REMOVED, record.job(JOB).orElseThrow().status());
    assertTrue(record.jobEvents().stream().anyMatch(e -> e instanceof JobEvent.Aborted));
  }

  @Test
  void htcondorInstallsTheOtherIdentityAndCanNoLongerKillTheJob() {
    PoolRecord record = redelegateToBobThenRemove(IdentityPolicy.HTCONDOR);

    List<StarterEvent> events = starterEvents(record);
    assertTrue(events.stream().anyMatch(e -> e instanceof StarterEvent.ProxyRefreshed r
        && r.identity().equals(BOB) && r.updated()), events.toString());
    StarterEvent.ControlLost lost = events.stream()
        .filter(e -> e instanceof StarterEvent.ControlLost).map(e -> (StarterEvent.ControlLost) e)
        .findFirst().orElseThrow();
    assertEquals(3, lost.pids().size(), "no process of the family could be killed");
    // glexec maps bob's proxy and runs /bin/kill as bob, which may not signal alice's processes.
    assertEquals(3, record.glexecReturned(GlexecOperation.KILL));
    assertEquals(1, record.glexecReturned(GlexecOperation.CLEANUP), "the chown-back fails too");
    SlotEvent.Ended ended = record.slotEvents().stream()
        .filter(e -> e instanceof SlotEvent.Ended).map(e -> (SlotEvent.Ended) e)
        .findFirst().orElseThrow();
    ShadowOutcome.ShouldHold hold = (ShadowOutcome.ShouldHold) ended.outcome();
    assertEquals(HoldReasonCode.GLEXEC_CHOWN_SANDBOX_TO_CONDOR, hold.hold().code());
    assertEquals(512, hold.hold().subcode(), "tar as bob fails: not retried, script exit 2");
    assertEquals(JobStatus.REMOVED, record.job(JOB).orElseThrow().status());
  }
}
