package org.pilotpool.glexec.sim;

import org.pilotpool.model.authz.AuthzDecision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.glexec.GlexecInvocation;
import org.pilotpool.model.glexec.GlexecOperation;
import org.pilotpool.model.glexec.GlexecResult;
import org.pilotpool.model.input.BadInputException;
import org.pilotpool.model.retry.FailureCause;

class SimulatedGlexecTest {
  private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
  private static final Duration LOCAL = Duration.ofMillis(40);
  private static final ProxyCredential PAYLOAD = new ProxyCredential("x509up_alice",
      "/DC=org/DC=example/CN=Alice", List.of("/cms/Role=NULL/Capability=NULL"), T0.plusSeconds(3600));
  private static final ProxyCredential PILOT = new ProxyCredential("x509up_pilot",
      "/DC=org/DC=example/CN=cms pilot", List.of("/cms/Role=pilot/Capability=NULL"), T0.plusSeconds(7200));
  private static final String SANDBOX = "/scratch/glide_x/execute/dir_4242";

  private static SimGlexecConfig config(CredentialSemantics semantics, boolean linger,
      boolean hang, boolean proxyBug, double broken, List<String> unsearchable) {
    return new SimGlexecConfig(semantics, new LatencyDistribution.Constant(LOCAL),
        linger, hang, proxyBug, broken, unsearchable);
  }

  private static SimGlexecConfig osg() {
    return config(CredentialSemantics.OSG, true, false, false, 0, List.of());
  }

  private static SimulatedGlexec node(SimGlexecConfig config) {
    return node(config, CommandModel.succeeding());
  }

  private static SimulatedGlexec node(SimGlexecConfig config, CommandModel commands) {
    return new SimulatedGlexec("wn-017.example.org", 42, config, commands, new SplittableRandom(42));
  }

  private static GlexecInvocation call(GlexecOperation operation) {
    return new GlexecInvocation(operation, PAYLOAD, PILOT, List.of("/bin/sh", "-c", "true"), SANDBOX);
  }

  private static CommandModel exitingWith(int status, Duration runtime) {
    return (invocation, account, random) -> new CommandModel.Outcome(status, runtime, "");
  }

  private static GlexecStep.Authorize authorize(SimulatedGlexec glexec, GlexecOperation op) {
    return assertInstanceOf(GlexecStep.Authorize.class, glexec.invoke(call(op), T0));
  }

  /** Invokes, lets the site take {@code siteTime}, replies, and returns the final step. */
  private static GlexecStep replied(SimulatedGlexec glexec, GlexecOperation op, AuthzDecision reply,
      Duration siteTime) {
    GlexecStep.Authorize asked = authorize(glexec, op);
    return glexec.onAuthzReply(asked.pending(), reply, T0.plus(asked.sendAfter()).plus(siteTime));
  }

  private static GlexecStep.Finish finish(GlexecStep step) {
    return assertInstanceOf(GlexecStep.Finish.class, step);
  }

  @Test
  void permitRunsTheCommandAsTheMappedAccountAndReturnsZero() {
    GlexecStep.Finish done = finish(replied(node(osg(), exitingWith(0, Duration.ofSeconds(2))),
        GlexecOperation.SETUP, new AuthzDecision.Permit("cmsuser07"), Duration.ofMillis(300)));

    assertTrue(done.result().succeeded());
    assertEquals(Optional.of("cmsuser07"), done.result().mappedAccount());
    assertEquals(LOCAL.plusSeconds(2), done.after());
    assertEquals(Duration.ofMillis(40 + 300 + 40 + 2000), done.result().took());
  }

  @Test
  void osgRequestCarriesOnlyThePayloadProxy() {
    GlexecStep.Authorize asked = authorize(node(osg()), GlexecOperation.SETUP);

    assertEquals(PAYLOAD, asked.request().subject());
    assertEquals(Optional.empty(), asked.request().pilot());
    assertEquals(LOCAL, asked.sendAfter());
    assertEquals("wn-017.example.org", asked.request().nodeId());
  }

  @Test
  void egiRequestCarriesThePilotProxyAsSecondCredential() {
    GlexecStep.Authorize asked = authorize(
        node(config(CredentialSemantics.EGI, true, false, false, 0, List.of())), GlexecOperation.KILL);

    assertEquals(PAYLOAD, asked.request().subject());
    assertEquals(Optional.of(PILOT), asked.request().pilot());
    assertFalse(asked.request().pilotCredentialIsPayloads());
  }

  @Test
  void x509UserProxyBugSendsThePayloadProxyInPlaceOfThePilots() {
    GlexecStep.Authorize asked = authorize(
        node(config(CredentialSemantics.EGI, true, false, true, 0, List.of())), GlexecOperation.SETUP);

    assertEquals(Optional.of(PAYLOAD), asked.request().pilot());
    assertTrue(asked.request().pilotCredentialIsPayloads());
  }

  @Test
  void siteDenialOfTheWrongCredentialEndsIn203() {
    SimulatedGlexec glexec = node(config(CredentialSemantics.EGI, true, false, true, 0, List.of()));
    GlexecStep.Finish done = finish(replied(glexec, GlexecOperation.SETUP,
        new AuthzDecision.Indeterminate(AuthzDecision.IndeterminateReason.MISSING_PILOT_CREDENTIAL), Duration.ofMillis(300)));

    assertEquals(203, done.result().exitStatus());
    assertEquals(FailureCause.AUTHZ_INDETERMINATE, done.cause());
    assertTrue(done.result().stderr().contains("MISSING_PILOT_CREDENTIAL"), done.result().stderr());
  }

  @Test
  void everyReplyButPermitEndsIn203CarryingItsCause() {
    Map<AuthzDecision, FailureCause> replies = Map.of(
        new AuthzDecision.Deny(AuthzDecision.DenyReason.BANNED_DN), FailureCause.AUTHZ_DENIED,
        new AuthzDecision.Indeterminate(AuthzDecision.IndeterminateReason.POOL_EXHAUSTED), FailureCause.AUTHZ_INDETERMINATE,
        AuthzDecision.NOT_APPLICABLE, FailureCause.AUTHZ_NOT_APPLICABLE,
        AuthzDecision.OVERLOADED, FailureCause.AUTHZ_OVERLOADED,
        AuthzDecision.TIMED_OUT, FailureCause.AUTHZ_TIMED_OUT,
        AuthzDecision.UNAVAILABLE, FailureCause.AUTHZ_UNAVAILABLE);
    replies.forEach((reply, cause) -> {
      GlexecStep.Finish done = finish(replied(node(osg()), GlexecOperation.LAUNCH, reply, Duration.ofSeconds(30)));
      assertEquals(203, done.result().exitStatus(), reply.toString());
      assertEquals(cause, done.cause());
      assertEquals(Optional.empty(), done.result().mappedAccount());
    });
  }

  @Test
  void payloadExitStatusPassesThrough() {
    GlexecStep.Finish done = finish(replied(node(osg(), exitingWith(1, Duration.ofMinutes(5))),
        GlexecOperation.LAUNCH, new AuthzDecision.Permit("cmsuser07"), Duration.ZERO));
    assertEquals(1, done.result().exitStatus());
  }

  @Test
  void lingeringGlexecRemapsAPayloadStatusThatCollidesWithItsOwnCodes() {
    GlexecStep.Finish done = finish(replied(node(osg(), exitingWith(203, Duration.ZERO)),
        GlexecOperation.LAUNCH, new AuthzDecision.Permit("cmsuser07"), Duration.ZERO));
    assertEquals(204, done.result().exitStatus());
  }

  @Test
  void execModeGlexecPassesACollidingPayloadStatusUnchanged() {
    SimulatedGlexec glexec = node(config(CredentialSemantics.OSG, false, false, false, 0, List.of()),
        exitingWith(203, Duration.ZERO));
    GlexecStep.Finish done = finish(replied(glexec, GlexecOperation.LAUNCH,
        new AuthzDecision.Permit("cmsuser07"), Duration.ZERO));
    assertEquals(203, done.result().exitStatus());
  }

  @Test
  void expiredPayloadProxyIsRefusedBeforeAnyAuthorizationRequest() {
    SimulatedGlexec glexec = node(osg());
    GlexecStep step = glexec.invoke(call(GlexecOperation.CLEANUP), PAYLOAD.notAfter());

    GlexecStep.ProxyNotValid refused = assertInstanceOf(GlexecStep.ProxyNotValid.class, step);
    assertEquals("The job proxy is not valid.", refused.message());
    assertEquals(-10000, refused.helperStatus());
    assertEquals("wn-017.example.org#1", authorize(glexec, GlexecOperation.CLEANUP).request().requestId());
  }

  @Test
  void brokenNodeAnswers202WithoutAskingTheSite() {
    SimulatedGlexec glexec = node(config(CredentialSemantics.OSG, true, false, false, 1.0, List.of()));
    GlexecStep.Finish done = finish(glexec.invoke(call(GlexecOperation.VALIDATE), T0));

    assertTrue(glexec.hasBrokenWrappers());
    assertEquals(202, done.result().exitStatus());
    assertEquals(LOCAL, done.after());
  }

  @Test
  void brokenShareIsChosenFromSeedAndNodeIdAlone() {
    int broken = 0;
    for (int i = 0; i < 2000; i++) {
      String id = "wn-" + i;
      boolean first = SimulatedGlexec.isBrokenNode(7, id, 0.25);
      assertEquals(first, SimulatedGlexec.isBrokenNode(7, id, 0.25));
      broken += first ? 1 : 0;
    }
    assertTrue(broken > 400 && broken < 600, "broken nodes: " + broken);
    assertFalse(SimulatedGlexec.isBrokenNode(7, "wn-1", 0.0));
  }

  @Test
  void anotherSeedBreaksOtherNodes() {
    int differ = 0;
    for (int i = 0; i < 200; i++) {
      String id = "wn-" + i;
      differ += SimulatedGlexec.isBrokenNode(1, id, 0.5) != SimulatedGlexec.isBrokenNode(2, id, 0.5) ? 1 : 0;
    }
    assertTrue(differ > 50, "nodes that differ: " + differ);
  }

  @Test
  void nonSearchableDirectoryOnTheSandboxPathGives201AfterThePermit() {
    SimulatedGlexec glexec = node(config(CredentialSemantics.OSG, true, false, false, 0,
        List.of("/scratch/glide_x")));
    GlexecStep.Finish done = finish(replied(glexec, GlexecOperation.SETUP,
        new AuthzDecision.Permit("cmsuser07"), Duration.ofMillis(300)));

    assertEquals(201, done.result().exitStatus());
    assertEquals(Optional.of("cmsuser07"), done.result().mappedAccount());
  }

  @Test
  void directorySharingOnlyANamePrefixDoesNotBlockTheSandbox() {
    SimulatedGlexec glexec = node(config(CredentialSemantics.OSG, true, false, false, 0,
        List.of("/scratch/glide")));
    GlexecStep.Finish done = finish(replied(glexec, GlexecOperation.SETUP,
        new AuthzDecision.Permit("cmsuser07"), Duration.ZERO));
    assertEquals(0, done.result().exitStatus());
  }

  @Test
  void lingerPipeHangKeepsALaunchFromEverCompleting() {
    SimulatedGlexec glexec = node(config(CredentialSemantics.OSG, true, true, false, 0, List.of()));
    GlexecStep.Hung hung = assertInstanceOf(GlexecStep.Hung.class, replied(glexec,
        GlexecOperation.LAUNCH, new AuthzDecision.Permit("cmsuser07"), Duration.ofMillis(300)));

    assertEquals("cmsuser07", hung.account());
    assertEquals(Duration.ofMillis(380), hung.elapsed());
  }

  @Test
  void callerWithATimeoutSeesAHungLaunchTimeOut() {
    GlexecStep.Finish done = new GlexecStep.Hung(Duration.ofMillis(380), "cmsuser07")
        .timedOutAfter(Duration.ofSeconds(60));

    assertEquals(Duration.ofMillis(59_620), done.after());
    assertEquals(Optional.of(GlexecResult.AdapterFailure.TIMED_OUT), done.result().failure());
    assertEquals(Duration.ofSeconds(60), done.result().took());
  }

  @Test
  void lingerPipeHangDoesNotAffectHelperScriptCalls() {
    SimulatedGlexec glexec = node(config(CredentialSemantics.OSG, true, true, false, 0, List.of()));
    finish(replied(glexec, GlexecOperation.SETUP, new AuthzDecision.Permit("cmsuser07"), Duration.ZERO));
  }

  @Test
  void fixedLingerBehaviourCompletesTheLaunch() {
    GlexecStep.Finish done = finish(replied(node(osg()), GlexecOperation.LAUNCH,
        new AuthzDecision.Permit("cmsuser07"), Duration.ZERO));
    assertTrue(done.result().succeeded());
  }

  @Test
  void sameSeedGivesTheSameLatencies() {
    SimGlexecConfig config = new SimGlexecConfig(CredentialSemantics.OSG,
        new LatencyDistribution.LogNormal(Duration.ofMillis(30), 0.5), true, false, false, 0, List.of());
    SimulatedGlexec a = node(config);
    SimulatedGlexec b = node(config);
    for (int i = 0; i < 5; i++) {
      assertEquals(authorize(a, GlexecOperation.KILL).sendAfter(), authorize(b, GlexecOperation.KILL).sendAfter());
    }
  }

  @Test
  void replyBeforeTheCallIsRejected() {
    SimulatedGlexec glexec = node(osg());
    GlexecStep.Authorize asked = authorize(glexec, GlexecOperation.SETUP);
    assertThrows(IllegalArgumentException.class,
        () -> glexec.onAuthzReply(asked.pending(), new AuthzDecision.Permit("u"), T0.minusSeconds(1)));
  }

  @Test
  void brokenFractionAboveOneIsRejectedNamingTheKey() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> config(CredentialSemantics.OSG, true, false, false, 1.5, List.of()));
    assertEquals(Optional.of("glexec.sim.broken-node-fraction"), e.key());
  }

  @Test
  void relativeNonSearchableDirectoryIsRejected() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> config(CredentialSemantics.OSG, true, false, false, 0, List.of("scratch")));
    assertEquals(Optional.of("glexec.sim.non-searchable-directories"), e.key());
  }

  @Test
  void pipeHangWithoutLingerIsRejected() {
    assertThrows(BadInputException.class,
        () -> config(CredentialSemantics.OSG, false, true, false, 0, List.of()));
  }
}
