package org.pilotpool.startd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.classad.Expr;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.eventlog.CpuUsage;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.job.Job;
import org.pilotpool.model.job.JobPolicies;
import org.pilotpool.model.job.JobProfile;
import org.pilotpool.schedd.Schedd;
import org.pilotpool.schedd.ScheddEffect;
import org.pilotpool.schedd.ShadowOutcome;
import org.pilotpool.starter.Starter;
import org.pilotpool.starter.StarterReport;

class StartdLogicTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String SLOT = "slot1@wn1.siteA";
  private static final ProxyCredential PROXY = new ProxyCredential("/tmp/p", "/CN=alice",
      List.of("/cms/Role=NULL"), T0.plus(Duration.ofDays(1)));

  private Instant now = T0;
  private final InstantSource clock = () -> now;

  private StartdLogic startd(StartdConfig config) {
    StartdLogic s = new StartdLogic(new SlotSpec(SLOT, "siteA", "wn1.siteA", 1, 2048,
        "<wn1:9618>"), config, PROXY, clock);
    s.start();
    return s;
  }

  private static Job job(int proc) {
    return Job.submitted(JobId.of(1, proc), "alice", T0, Optional.of(PROXY), 1, 1024,
        Expr.parse("r", "true"), Optional.empty(), JobPolicies.NONE,
        new JobProfile(Duration.ofMinutes(10), 1));
  }

  private static List<StartdEffect> claim(StartdLogic s, Job job) {
    return s.fromSchedd(new ScheddEffect.RequestClaim(SLOT, job.id(), job.toClassAd(T0)));
  }

  private static boolean refused(List<StartdEffect> out, Job job) {
    return out.contains(new StartdEffect.ToSchedd(
        new Schedd.JobExited(job.id(), SLOT, new ShadowOutcome.NotStarted())));
  }

  private static void runToCompletion(StartdLogic s, Job job) {
    s.fromSchedd(new ScheddEffect.ActivateClaim(SLOT, job));
    s.fromStarter(new StarterReport.Exited(job.id(),
        new ShadowOutcome.Completed(true, 0, CpuUsage.NONE), 3));
  }

  @Test
  void aClaimedSlotRunsAJobAndReturnsToClaimedIdle() {
    StartdLogic s = startd(StartdConfig.defaults());
    List<StartdEffect> out = claim(s, job(0));
    assertTrue(out.contains(new StartdEffect.ToSchedd(new Schedd.ClaimResponse(SLOT, true))));
    assertEquals(StartdLogic.State.CLAIMED, s.state());

    out = s.fromSchedd(new ScheddEffect.ActivateClaim(SLOT, job(0)));
    assertTrue(out.stream().anyMatch(e -> e instanceof StartdEffect.SpawnStarter));
    assertEquals(StartdLogic.Activity.BUSY, s.activity());
    assertEquals("Busy", s.ad().evaluate("Activity").asString());

    s.fromStarter(new StarterReport.Exited(job(0).id(),
        new ShadowOutcome.Completed(true, 0, CpuUsage.NONE), 3));
    assertEquals(StartdLogic.Activity.IDLE, s.activity());
    assertEquals("Claimed", s.ad().evaluate("State").asString());
  }

  @Test
  void aSlotBackInAStateAdvertisesTheAdItHadThere() {
    StartdLogic s = startd(StartdConfig.defaults());
    claim(s, job(0));
    ClassAd claimedIdle = s.ad();
    s.fromSchedd(new ScheddEffect.ActivateClaim(SLOT, job(0)));
    assertNotSame(claimedIdle, s.ad());
    s.fromStarter(new StarterReport.Exited(job(0).id(),
        new ShadowOutcome.Completed(true, 0, CpuUsage.NONE), 3));
    assertSame(claimedIdle, s.ad());
    s.retire();
    assertNotSame(claimedIdle, s.ad());
    assertEquals(false, s.ad().evaluate("START").asBoolean());
  }

  @Test
  void afterClaimWorklifeTheClaimTakesNoNewJob() {
    StartdLogic s = startd(StartdConfig.defaults());
    claim(s, job(0));
    runToCompletion(s, job(0));
    now = T0.plusSeconds(1200);

    assertTrue(refused(s.fromSchedd(new ScheddEffect.ActivateClaim(SLOT, job(1))), job(1)));
  }

  @Test
  void withWorklifeZeroAClaimRunsOneJob() {
    StartdLogic s = startd(StartdConfig.defaults().withClaimWorklife(0));
    claim(s, job(0));
    runToCompletion(s, job(0));

    assertTrue(refused(s.fromSchedd(new ScheddEffect.ActivateClaim(SLOT, job(1))), job(1)));
  }

  @Test
  void withInfiniteWorklifeTheClaimKeepsTakingJobs() {
    StartdLogic s = startd(StartdConfig.defaults().withClaimWorklife(-1));
    claim(s, job(0));
    runToCompletion(s, job(0));
    now = T0.plus(Duration.ofDays(3));

    List<StartdEffect> out = s.fromSchedd(new ScheddEffect.ActivateClaim(SLOT, job(1)));
    assertTrue(out.stream().anyMatch(e -> e instanceof StartdEffect.SpawnStarter));
  }

  @Test
  void aStarterThatFailedToStartItsJobBreaksTheClaim() {
    StartdLogic s = startd(StartdConfig.defaults());
    claim(s, job(0));
    s.fromSchedd(new ScheddEffect.ActivateClaim(SLOT, job(0)));
    s.fromStarter(new StarterReport.Exited(job(0).id(),
        new ShadowOutcome.Excepted("setup failed"), 4));

    assertTrue(refused(s.fromSchedd(new ScheddEffect.ActivateClaim(SLOT, job(0))), job(0)));
    s.fromSchedd(new ScheddEffect.ReleaseClaim(SLOT));
    assertEquals(StartdLogic.State.UNCLAIMED, s.state());
  }

  @Test
  void aSlotWhoseStartRejectsTheJobRefusesTheClaim() {
    StartdLogic s = startd(new StartdConfig(Duration.ofSeconds(1200),
        Expr.parse("START", "TARGET.Owner == \"bob\""), "/execute"));

    assertTrue(claim(s, job(0)).contains(
        new StartdEffect.ToSchedd(new Schedd.ClaimResponse(SLOT, false))));
    assertEquals(StartdLogic.State.UNCLAIMED, s.state());
  }

  @Test
  void aRetiringSlotLetsItsJobFinishThenLeavesWhenTheClaimComesBack() {
    StartdLogic s = startd(StartdConfig.defaults());
    claim(s, job(0));
    s.fromSchedd(new ScheddEffect.ActivateClaim(SLOT, job(0)));
    List<StartdEffect> out = s.retire();
    assertTrue(out.stream().noneMatch(e -> e instanceof StartdEffect.ToStarter));
    assertEquals(StartdLogic.Activity.RETIRING, s.activity());

    s.fromStarter(new StarterReport.Exited(job(0).id(),
        new ShadowOutcome.Completed(true, 0, CpuUsage.NONE), 3));
    assertTrue(refused(s.fromSchedd(new ScheddEffect.ActivateClaim(SLOT, job(1))), job(1)));
    out = s.fromSchedd(new ScheddEffect.ReleaseClaim(SLOT));
    assertTrue(out.contains(new StartdEffect.Invalidate(SLOT)));
    assertInstanceOf(StartdEffect.Stop.class, out.get(out.size() - 1));
  }

  @Test
  void aShutdownEvictsTheRunningJob() {
    StartdLogic s = startd(StartdConfig.defaults());
    claim(s, job(0));
    s.fromSchedd(new ScheddEffect.ActivateClaim(SLOT, job(0)));

    List<StartdEffect> out = s.shutdown("pilot reached its end of life");
    assertTrue(out.contains(new StartdEffect.ToStarter(
        new Starter.Evict("pilot reached its end of life"))));
  }

  @Test
  void anUnclaimedSlotLeavesAtOnceWhenRetired() {
    StartdLogic s = startd(StartdConfig.defaults());

    List<StartdEffect> out = s.retire();
    assertTrue(out.contains(new StartdEffect.Invalidate(SLOT)));
    assertTrue(claim(s, job(0)).contains(
        new StartdEffect.ToSchedd(new Schedd.ClaimResponse(SLOT, false))));
  }
}
