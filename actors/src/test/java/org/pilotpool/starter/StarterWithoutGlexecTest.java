package org.pilotpool.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.classad.Expr;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.job.Job;
import org.pilotpool.model.job.JobPolicies;
import org.pilotpool.model.job.JobProfile;
import org.pilotpool.model.retry.HtcondorRetryConfig;
import org.pilotpool.model.retry.HtcondorRetryPolicy;
import org.pilotpool.schedd.ShadowOutcome;

/** A starter on a glidein that disabled glexec ({@code GLEXEC_JOB=False}). */
class StarterWithoutGlexecTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final ProxyCredential PILOT = new ProxyCredential("/tmp/pilot", "/CN=pilot",
      List.of("/cms/Role=pilot"), T0.plus(Duration.ofDays(1)));
  private static final ProxyCredential ALICE = new ProxyCredential("/tmp/x509up_alice",
      "/CN=alice", List.of("/cms/Role=NULL/Capability=NULL"), T0.plus(Duration.ofDays(1)));
  private static final StarterConfig NO_GLEXEC = StarterConfig.defaults().withGlexecJob(false);

  private static StarterLogic starter(Optional<ProxyCredential> proxy) {
    Job job = Job.submitted(JobId.of(1, 0), "alice", T0, proxy, 1, 1024, Expr.parse("r", "true"),
        Optional.empty(), JobPolicies.NONE, new JobProfile(Duration.ofMinutes(10), 2));
    StarterContext context = new StarterContext(job, "slot1@wn1", "siteA", "<wn1:9618>", PILOT,
        "/execute/dir_1", 1000, "slot1@wn1/1.0/1");
    return new StarterLogic(NO_GLEXEC, context,
        new HtcondorRetryPolicy(HtcondorRetryConfig.defaults(), new SplittableRandom(1)),
        InstantSource.fixed(T0));
  }

  private static boolean anyGlexecOrProcd(List<StarterEffect> effects) {
    return effects.stream().anyMatch(e -> e instanceof StarterEffect.Invoke
        || e instanceof StarterEffect.KillFamily);
  }

  private static ShadowOutcome exitOutcome(List<StarterEffect> effects) {
    return effects.stream().filter(e -> e instanceof StarterEffect.Report r
            && r.report() instanceof StarterReport.Exited)
        .map(e -> ((StarterReport.Exited) ((StarterEffect.Report) e).report()).outcome())
        .findFirst().orElseThrow(() -> new AssertionError("no exit in " + effects));
  }

  @Test
  void theJobStartsAtOnceAndCompletesWithoutAGlexecCall() {
    StarterLogic s = starter(Optional.of(ALICE));
    List<StarterEffect> all = new ArrayList<>(s.start());
    assertTrue(all.stream().anyMatch(e -> e instanceof StarterEffect.Report r
        && r.report() instanceof StarterReport.Started), "started: " + all);
    all.addAll(s.timerFired(StarterTimer.PAYLOAD));
    assertInstanceOf(ShadowOutcome.Completed.class, exitOutcome(all));
    assertTrue(!anyGlexecOrProcd(all), "no glexec call: " + all);
  }

  @Test
  void aJobWithoutAProxyRunsWhenGlexecIsNotUsed() {
    StarterLogic s = starter(Optional.empty());
    List<StarterEffect> all = new ArrayList<>(s.start());
    all.addAll(s.timerFired(StarterTimer.PAYLOAD));
    assertInstanceOf(ShadowOutcome.Completed.class, exitOutcome(all));
  }

  @Test
  void anEvictionRequeuesTheJobWithoutKillingThroughGlexec() {
    StarterLogic s = starter(Optional.of(ALICE));
    List<StarterEffect> all = new ArrayList<>(s.start());
    all.addAll(s.evict("glidein walltime reached"));
    ShadowOutcome.Requeued requeued = assertInstanceOf(ShadowOutcome.Requeued.class,
        exitOutcome(all));
    assertEquals("glidein walltime reached", requeued.reason());
    assertTrue(!anyGlexecOrProcd(all), "no glexec call: " + all);
  }
}
