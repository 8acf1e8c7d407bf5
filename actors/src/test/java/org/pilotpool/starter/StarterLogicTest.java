package org.pilotpool.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.pilotpool.model.glexec.GlexecInvocation;
import org.pilotpool.model.glexec.GlexecOperation;
import org.pilotpool.model.glexec.GlexecResult;
import org.pilotpool.model.job.HoldReasonCode;
import org.pilotpool.model.job.Job;
import org.pilotpool.model.job.JobPolicies;
import org.pilotpool.model.job.JobProfile;
import org.pilotpool.model.retry.FailureCause;
import org.pilotpool.model.retry.HtcondorRetryConfig;
import org.pilotpool.model.retry.HtcondorRetryPolicy;
import org.pilotpool.schedd.ShadowOutcome;
import org.pilotpool.workernode.GlexecCall;

class StarterLogicTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final ProxyCredential PILOT = new ProxyCredential("/tmp/pilot", "/CN=pilot",
      List.of("/cms/Role=pilot"), T0.plus(Duration.ofDays(1)));
  private static final ProxyCredential ALICE = new ProxyCredential("/tmp/x509up_alice",
      "/CN=alice", List.of("/cms/Role=NULL/Capability=NULL"), T0.plus(Duration.ofDays(1)));

  private final List<StarterEffect> effects = new ArrayList<>();

  private static StarterLogic starter(StarterConfig config, Optional<ProxyCredential> proxy) {
    Job job = Job.submitted(JobId.of(1, 0), "alice", T0, proxy, 1, 1024, Expr.parse("r", "true"),
        Optional.empty(), JobPolicies.NONE, new JobProfile(Duration.ofMinutes(10), 2));
    StarterContext context = new StarterContext(job, "slot1@wn1", "siteA", "<wn1:9618>", PILOT,
        "/execute/dir_1", 1000, "slot1@wn1/1.0/1");
    return new StarterLogic(config, context,
        new HtcondorRetryPolicy(HtcondorRetryConfig.defaults(), new SplittableRandom(1)),
        InstantSource.fixed(T0));
  }

  private GlexecCall.Returned lastCallReturns(int status, String stderr, FailureCause cause) {
    StarterEffect.Invoke invoke = lastInvoke();
    return new GlexecCall.Returned(invoke.callId(), invoke.invocation(),
        GlexecResult.exited(status, stderr, Optional.of("cms001"), Duration.ofMillis(20)), cause);
  }

  private StarterEffect.Invoke lastInvoke() {
    for (int i = effects.size() - 1; i >= 0; i--) {
      if (effects.get(i) instanceof StarterEffect.Invoke invoke) {
        return invoke;
      }
    }
    throw new AssertionError("no glexec call in " + effects);
  }

  private List<StarterEffect> feed(List<StarterEffect> more) {
    effects.addAll(more);
    return more;
  }

  private static ShadowOutcome exitOutcome(List<StarterEffect> effects) {
    return effects.stream().filter(e -> e instanceof StarterEffect.Report r
            && r.report() instanceof StarterReport.Exited)
        .map(e -> ((StarterReport.Exited) ((StarterEffect.Report) e).report()).outcome())
        .findFirst().orElseThrow(() -> new AssertionError("no exit in " + effects));
  }

  @Test
  void setupFailingWithAStatusHtcondorDoesNotRetryHoldsWith28AndWaitStatus512() {
    StarterLogic s = starter(StarterConfig.defaults(), Optional.of(ALICE));
    feed(s.start());
    List<StarterEffect> out = feed(s.glexecEnded(
        lastCallReturns(201, "glexec: no proxy\nat all", FailureCause.NOT_KNOWN)));

    ShadowOutcome.ShouldHold hold = assertInstanceOf(ShadowOutcome.ShouldHold.class,
        exitOutcome(out));
    assertEquals(HoldReasonCode.GLEXEC_CHOWN_SANDBOX_TO_USER, hold.hold().code());
    assertEquals(512, hold.hold().subcode());
    assertEquals("error changing sandbox ownership to the user: condor_glexec_setup exited with "
        + "status 512 and the following output: glexec: no proxy; at all", hold.hold().reason());
  }

  @Test
  void authorizationErrorAtSetupIsRetriedAfterADelay() {
    StarterLogic s = starter(StarterConfig.defaults(), Optional.of(ALICE));
    feed(s.start());
    List<StarterEffect> out = feed(s.glexecEnded(
        lastCallReturns(203, "denied", FailureCause.AUTHZ_DENIED)));

    assertEquals(List.of(new StarterEffect.StartTimer(StarterTimer.RETRY, Duration.ofSeconds(5))),
        out);
  }

  @Test
  void expiredProxyAtSetupHoldsWithMinus10000EvenWithHoldingOff() {
    StarterLogic s = starter(StarterConfig.defaults().withHoldOnInitialFailure(false),
        Optional.of(ALICE));
    feed(s.start());
    StarterEffect.Invoke invoke = lastInvoke();
    List<StarterEffect> out = feed(s.glexecEnded(new GlexecCall.ProxyNotValid(invoke.callId(),
        invoke.invocation(), "The job proxy is not valid.", -10000)));

    ShadowOutcome.ShouldHold hold = assertInstanceOf(ShadowOutcome.ShouldHold.class,
        exitOutcome(out));
    assertEquals(-10000, hold.hold().subcode());
    assertTrue(hold.hold().reason().endsWith("the following output: The job proxy is not valid."));
  }

  private GlexecCall.BreakerOpen lastCallRefused(Duration retryAfter) {
    StarterEffect.Invoke invoke = lastInvoke();
    return new GlexecCall.BreakerOpen(invoke.callId(), invoke.invocation(), retryAfter);
  }

  @Test
  void stepWaitsForBreakerInsteadOfFailing() {
    StarterLogic s = starter(StarterConfig.defaults(), Optional.of(ALICE));
    feed(s.start());
    List<StarterEffect> out = feed(s.glexecEnded(lastCallRefused(Duration.ofSeconds(30))));

    StarterEffect.StartTimer retry = assertInstanceOf(StarterEffect.StartTimer.class, out.get(0));
    assertEquals(1, out.size(), "only a retry timer: " + out);
    assertEquals(StarterTimer.RETRY, retry.timer());
    // HTCondor's rule after the first attempt: the breaker's 30 s, then GLEXEC_RETRY_DELAY x 1.
    assertEquals(Duration.ofSeconds(35), retry.delay());
    feed(s.timerFired(StarterTimer.RETRY));
    assertEquals(GlexecOperation.SETUP, lastInvoke().invocation().operation());
  }

  @Test
  void setupStillRefusedWhenItsAttemptsRunOutIsHeldNamingTheBreakerAndCountingNoCall() {
    StarterLogic s = starter(StarterConfig.defaults(), Optional.of(ALICE));
    feed(s.start());
    List<StarterEffect> out;
    do {
      out = feed(s.glexecEnded(lastCallRefused(Duration.ofSeconds(30))));
      out.stream().filter(e -> e instanceof StarterEffect.StartTimer)
          .forEach(t -> feed(s.timerFired(StarterTimer.RETRY)));
    } while (out.stream().noneMatch(e -> e instanceof StarterEffect.Stop));

    ShadowOutcome.ShouldHold hold = assertInstanceOf(ShadowOutcome.ShouldHold.class,
        exitOutcome(out));
    assertEquals(768, hold.hold().subcode(), "GLEXEC_RETRIES + 1 attempts, then script exit 3");
    assertTrue(hold.hold().reason().endsWith("the following output: "
        + GlexecCall.BreakerOpen.MESSAGE), hold.hold().reason());
    StarterReport.Exited exited = effects.stream()
        .filter(e -> e instanceof StarterEffect.Report r && r.report() instanceof StarterReport.Exited)
        .map(e -> (StarterReport.Exited) ((StarterEffect.Report) e).report()).findFirst().orElseThrow();
    assertEquals(0, exited.glexecCalls(), "refused attempts are not glexec calls");
  }

  @Test
  void withHoldingOffAFailedSetupIsAShadowException() {
    StarterLogic s = starter(StarterConfig.defaults().withHoldOnInitialFailure(false),
        Optional.of(ALICE));
    feed(s.start());
    List<StarterEffect> out = feed(s.glexecEnded(
        lastCallReturns(201, "glexec: bad", FailureCause.NOT_KNOWN)));

    assertInstanceOf(ShadowOutcome.Excepted.class, exitOutcome(out));
  }

  @Test
  void launchFailureCleansUpThenHoldsWithCode6Subcode0() {
    StarterLogic s = starter(StarterConfig.defaults(), Optional.of(ALICE));
    feed(s.start());
    feed(s.glexecEnded(lastCallReturns(0, "", FailureCause.NOT_KNOWN)));
    assertEquals(GlexecOperation.LAUNCH, lastInvoke().invocation().operation());
    feed(s.glexecEnded(lastCallReturns(126, "not executable", FailureCause.NOT_KNOWN)));
    assertEquals(GlexecOperation.CLEANUP, lastInvoke().invocation().operation());
    List<StarterEffect> out = feed(s.glexecEnded(lastCallReturns(0, "", FailureCause.NOT_KNOWN)));

    ShadowOutcome.ShouldHold hold = assertInstanceOf(ShadowOutcome.ShouldHold.class,
        exitOutcome(out));
    assertEquals(HoldReasonCode.FAILED_TO_CREATE_PROCESS, hold.hold().code());
    assertEquals(0, hold.hold().subcode());
    assertEquals("Failed to execute '/execute/dir_1/condor_exec.exe' with arguments : glexec "
        + "call exited with status 126 and with error output (not executable)",
        hold.hold().reason());
  }

  @Test
  void aJobWithoutAProxyExceptsWithoutCallingGlexec() {
    StarterLogic s = starter(StarterConfig.defaults(), Optional.empty());
    List<StarterEffect> out = feed(s.start());

    assertEquals(new ShadowOutcome.Excepted(
        "configuration specifies use of glexec, but job has no proxy"), exitOutcome(out));
    assertTrue(out.stream().noneMatch(e -> e instanceof StarterEffect.Invoke));
  }

  @Test
  void aKillDuringSetupEndsTheRunWithoutLaunching() {
    StarterLogic s = starter(StarterConfig.defaults(), Optional.of(ALICE));
    feed(s.start());
    assertTrue(feed(s.kill()).isEmpty(), "the SETUP call is out: wait for it");
    feed(s.glexecEnded(lastCallReturns(0, "", FailureCause.NOT_KNOWN)));
    assertEquals(GlexecOperation.CLEANUP, lastInvoke().invocation().operation());
    List<StarterEffect> out = feed(s.glexecEnded(lastCallReturns(0, "", FailureCause.NOT_KNOWN)));

    assertEquals(new ShadowOutcome.Killed(), exitOutcome(out));
  }

  @Test
  void theExpiryTimerIsArmedWhenSetupSucceeds() {
    StarterLogic s = starter(StarterConfig.defaults(), Optional.of(ALICE));
    feed(s.start());
    List<StarterEffect> out = feed(s.glexecEnded(lastCallReturns(0, "", FailureCause.NOT_KNOWN)));

    assertTrue(out.contains(new StarterEffect.StartTimer(StarterTimer.PROXY_EXPIRY,
        Duration.ofDays(1).minusSeconds(60))), out.toString());
  }

  @Test
  void identityChangesWithTheDnOrThePrimaryFqanOnly() {
    ProxyCredential otherRole = new ProxyCredential("/tmp/p", "/CN=alice",
        List.of("/cms/Role=production/Capability=NULL"), T0);
    ProxyCredential moreFqans = new ProxyCredential("/tmp/p", "/CN=alice",
        List.of("/cms/Role=NULL/Capability=NULL", "/cms/higgs"), T0.plusSeconds(5));
    ProxyCredential bob = new ProxyCredential("/tmp/p", "/CN=bob",
        List.of("/cms/Role=NULL/Capability=NULL"), T0);

    assertTrue(StarterLogic.identityChanged(ALICE, otherRole));
    assertTrue(StarterLogic.identityChanged(ALICE, bob));
    assertFalse(StarterLogic.identityChanged(ALICE, moreFqans));
  }

  @Test
  void aRefreshedProxyWaitsForTheShadowsNextCheck() {
    StarterLogic s = starter(StarterConfig.defaults(), Optional.of(ALICE));
    feed(s.start());
    List<StarterEffect> out = feed(s.proxyDelegated(ALICE));

    assertEquals(List.of(new StarterEffect.StartTimer(StarterTimer.CHECK_PROXY,
        Duration.ofSeconds(600))), out);
  }
}
