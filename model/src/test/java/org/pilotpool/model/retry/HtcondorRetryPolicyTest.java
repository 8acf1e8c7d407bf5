package org.pilotpool.model.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.glexec.GlexecResult;
import org.pilotpool.model.input.BadInputException;

class HtcondorRetryPolicyTest {

  private static GlexecResult exited(int status) {
    return GlexecResult.exited(status, "", Optional.empty(), Duration.ofMillis(300));
  }

  private static RetryingStep step(long seed) {
    return new RetryingStep(
        new HtcondorRetryPolicy(HtcondorRetryConfig.defaults(), new SplittableRandom(seed)));
  }

  /** Feeds {@code status} until the step ends; returns the waits, then the ending. */
  private static List<Object> runForever(RetryingStep step, int status) {
    List<Object> seen = new ArrayList<>();
    while (true) {
      RetryingStep.Next next = step.callEnded(exited(status), FailureCause.NOT_KNOWN);
      if (next instanceof RetryingStep.Next.CallAgain again) {
        seen.add(again.delay());
      } else {
        seen.add(next);
        return seen;
      }
    }
  }

  @Test
  void authorizationErrorForeverMakesFourCallsThenExitsThree() {
    RetryingStep step = step(1);
    List<Object> seen = runForever(step, 203);

    assertEquals(4, step.calls());
    RetryingStep.Next.Failed failed = assertInstanceOf(RetryingStep.Next.Failed.class, seen.get(3));
    assertEquals(HelperExit.RETRIES_EXHAUSTED, failed.why().exit());
    assertEquals(OptionalInt.of(3), failed.why().exit().scriptExitStatus());
    assertEquals(768, failed.why().exit().rawWaitStatus());
    assertEquals(4, failed.calls());
  }

  @Test
  void waitAfterTheNthFailureIsTheDelayTimesOneToN() {
    for (long seed = 0; seed < 200; seed++) {
      List<Object> seen = runForever(step(seed), 203);
      for (int n = 1; n <= 3; n++) {
        long seconds = ((Duration) seen.get(n - 1)).toSeconds();
        assertTrue(seconds >= 5 && seconds <= 5L * n && seconds % 5 == 0,
            "seed " + seed + ", wait " + n + " was " + seconds + " s");
      }
    }
  }

  @Test
  void everyMultiplierFromOneToNOccurs() {
    boolean[] thirdWaitSeen = new boolean[4];
    for (long seed = 0; seed < 200; seed++) {
      Duration third = (Duration) runForever(step(seed), 203).get(2);
      thirdWaitSeen[(int) third.toSeconds() / 5] = true;
    }
    assertTrue(thirdWaitSeen[1] && thirdWaitSeen[2] && thirdWaitSeen[3]);
  }

  @Test
  void systemErrorIsRetriedLikeAnAuthorizationError() {
    RetryingStep step = step(2);
    runForever(step, 202);
    assertEquals(4, step.calls());
  }

  @Test
  void clientErrorIsNotRetriedAndExitsTwo() {
    RetryingStep step = step(3);
    RetryingStep.Next next = step.callEnded(exited(201), FailureCause.NOT_KNOWN);

    RetryingStep.Next.Failed failed = assertInstanceOf(RetryingStep.Next.Failed.class, next);
    assertEquals(1, step.calls());
    assertEquals(HelperExit.NOT_RETRYABLE, failed.why().exit());
    assertEquals(OptionalInt.of(2), failed.why().exit().scriptExitStatus());
    assertEquals(512, failed.why().exit().rawWaitStatus());
  }

  @Test
  void banIsRetriedAsOftenAsAnOutageBecauseHtcondorSeesOnly203() {
    RetryingStep step = step(4);
    RetryingStep.Next next = null;
    while (!(next instanceof RetryingStep.Next.Failed)) {
      next = step.callEnded(exited(203), FailureCause.AUTHZ_DENIED);
    }
    assertEquals(4, step.calls());
    assertEquals(FailureClass.PERMANENT, ((RetryingStep.Next.Failed) next).why().failureClass());
  }

  @Test
  void successAfterAFailureStopsTheStep() {
    RetryingStep step = step(5);
    assertInstanceOf(RetryingStep.Next.CallAgain.class, step.callEnded(exited(203), FailureCause.NOT_KNOWN));
    RetryingStep.Next next = step.callEnded(exited(0), FailureCause.NOT_KNOWN);

    assertEquals(new RetryingStep.Next.Succeeded(2), next);
    assertThrows(IllegalStateException.class, () -> step.callEnded(exited(0), FailureCause.NOT_KNOWN));
  }

  @Test
  void expiredProxyEndsTheStepWithoutACallAndStatusMinusTenThousand() {
    RetryingStep step = step(6);
    RetryingStep.Next.Failed failed =
        assertInstanceOf(RetryingStep.Next.Failed.class, step.proxyExpired());

    assertEquals(0, failed.calls());
    assertEquals(-10000, failed.why().exit().rawWaitStatus());
    assertEquals(OptionalInt.empty(), failed.why().exit().scriptExitStatus());
    assertEquals("The job proxy is not valid.", failed.why().reason());
  }

  @Test
  void zeroRetriesMeansOneCall() {
    RetryingStep step = new RetryingStep(new HtcondorRetryPolicy(
        new HtcondorRetryConfig(0, Duration.ofSeconds(5)), new SplittableRandom(7)));
    runForever(step, 203);
    assertEquals(1, step.calls());
  }

  @Test
  void multiplierStopsGrowingAtOneHundred() {
    HtcondorRetryPolicy policy = new HtcondorRetryPolicy(
        new HtcondorRetryConfig(1000, Duration.ofSeconds(1)), new SplittableRandom(8));
    long longest = 0;
    for (int i = 0; i < 2000; i++) {
      RetryDecision.Retry retry = (RetryDecision.Retry)
          policy.afterFailure(500, FailureEvidence.of(exited(203)));
      longest = Math.max(longest, retry.delay().toSeconds());
    }
    assertEquals(100, longest);
  }

  @Test
  void refusalTakesThePlaceOfA203AmongTheRetries() {
    RetryingStep step = step(9);
    assertInstanceOf(RetryingStep.Next.CallAgain.class,
        step.callEnded(exited(203), FailureCause.NOT_KNOWN));
    RetryingStep.Next next;
    do {
      next = step.refused(Duration.ofSeconds(30));
    } while (next instanceof RetryingStep.Next.CallAgain);

    assertEquals(3, step.refusals(), "the first call and three refusals make GLEXEC_RETRIES + 1");
    RetryingStep.Next.Failed failed = assertInstanceOf(RetryingStep.Next.Failed.class, next);
    assertEquals(1, failed.calls());
    assertEquals(HelperExit.RETRIES_EXHAUSTED, failed.why().exit());
  }

  @Test
  void refusedAttemptWaitsForTheBreakerThenTheRetryDelayTimesOneToN() {
    for (long seed = 0; seed < 100; seed++) {
      HtcondorRetryPolicy policy =
          new HtcondorRetryPolicy(HtcondorRetryConfig.defaults(), new SplittableRandom(seed));
      long seconds = assertInstanceOf(RetryDecision.Retry.class,
          policy.afterRefusal(2, Duration.ofSeconds(30))).delay().toSeconds();
      assertTrue(seconds == 35 || seconds == 40, "seed " + seed + " waited " + seconds + " s");
    }
  }

  @Test
  void negativeRetriesAreRejectedNamingTheKnob() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> new HtcondorRetryConfig(-1, Duration.ofSeconds(5)));
    assertEquals(Optional.of("GLEXEC_RETRIES"), e.key());
  }

  @Test
  void negativeDelayIsRejectedNamingTheKnob() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> new HtcondorRetryConfig(3, Duration.ofSeconds(-1)));
    assertEquals(Optional.of("GLEXEC_RETRY_DELAY"), e.key());
  }
}
