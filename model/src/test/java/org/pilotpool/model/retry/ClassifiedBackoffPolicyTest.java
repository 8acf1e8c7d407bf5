package org.pilotpool.model.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.glexec.GlexecResult;
import org.pilotpool.model.input.BadInputException;

class ClassifiedBackoffPolicyTest {
  private static final ClassifiedBackoffConfig CONFIG =
      new ClassifiedBackoffConfig(Duration.ofSeconds(2), Duration.ofSeconds(20), 6, 2);

  private static GlexecResult exited(int status) {
    return GlexecResult.exited(status, "", Optional.empty(), Duration.ofMillis(300));
  }

  private static ClassifiedBackoffPolicy policy(long seed) {
    return new ClassifiedBackoffPolicy(CONFIG, new SplittableRandom(seed));
  }

  @Test
  void banIsReportedAfterOneCall() {
    RetryingStep step = new RetryingStep(policy(1));
    RetryingStep.Next next = step.callEnded(exited(203), FailureCause.AUTHZ_DENIED);

    RetryingStep.Next.Failed failed = assertInstanceOf(RetryingStep.Next.Failed.class, next);
    assertEquals(1, step.calls());
    assertEquals(FailureClass.PERMANENT, failed.why().failureClass());
    assertEquals(HelperExit.NOT_RETRYABLE, failed.why().exit());
  }

  @Test
  void clientErrorsAreNotRetried() {
    for (int status : new int[] {201, 126}) {
      RetryDecision decision = policy(2).afterFailure(1, FailureEvidence.of(exited(status)));
      assertEquals(FailureClass.CLIENT, assertInstanceOf(RetryDecision.GiveUp.class, decision).failureClass());
    }
  }

  @Test
  void overloadIsRetriedUntilMaxAttemptsThenExhausted() {
    RetryingStep step = new RetryingStep(policy(3));
    RetryingStep.Next next;
    do {
      next = step.callEnded(exited(203), FailureCause.AUTHZ_OVERLOADED);
    } while (next instanceof RetryingStep.Next.CallAgain);

    assertEquals(6, step.calls());
    RetryingStep.Next.Failed failed = assertInstanceOf(RetryingStep.Next.Failed.class, next);
    assertEquals(FailureClass.TRANSIENT, failed.why().failureClass());
    assertEquals(HelperExit.RETRIES_EXHAUSTED, failed.why().exit());
  }

  @Test
  void overloadDelaysStayWithinTheDoublingWindowCappedAtTheMaximum() {
    ClassifiedBackoffPolicy policy = policy(4);
    long[] windows = {2, 4, 8, 16, 20};
    for (int run = 0; run < 500; run++) {
      for (int n = 1; n <= 5; n++) {
        Duration delay = ((RetryDecision.Retry) policy.afterFailure(
            n, FailureEvidence.of(exited(203), FailureCause.AUTHZ_OVERLOADED))).delay();
        assertTrue(!delay.isNegative() && delay.compareTo(Duration.ofSeconds(windows[n - 1])) <= 0,
            "attempt " + n + " waited " + delay);
      }
    }
  }

  @Test
  void overloadDelaysGrowOnAverageWithEachFailure() {
    ClassifiedBackoffPolicy policy = policy(5);
    double previousMean = -1;
    for (int n = 1; n <= 4; n++) {
      long sum = 0;
      for (int i = 0; i < 1000; i++) {
        sum += ((RetryDecision.Retry) policy.afterFailure(
            n, FailureEvidence.of(exited(203), FailureCause.AUTHZ_OVERLOADED))).delay().toMillis();
      }
      double mean = sum / 1000.0;
      assertTrue(mean > previousMean * 1.5, "mean wait after failure " + n + " was " + mean + " ms");
      previousMean = mean;
    }
  }

  @Test
  void sameSeedGivesTheSameDelays() {
    FailureEvidence timeout = FailureEvidence.of(exited(203), FailureCause.AUTHZ_TIMED_OUT);
    for (int n = 1; n <= 5; n++) {
      assertEquals(policy(6).afterFailure(n, timeout), policy(6).afterFailure(n, timeout));
    }
  }

  @Test
  void bare203GetsOneCautiousRetry() {
    RetryingStep step = new RetryingStep(policy(7));
    assertInstanceOf(RetryingStep.Next.CallAgain.class, step.callEnded(exited(203), FailureCause.NOT_KNOWN));
    RetryingStep.Next next = step.callEnded(exited(203), FailureCause.NOT_KNOWN);

    assertEquals(FailureClass.UNKNOWN,
        assertInstanceOf(RetryingStep.Next.Failed.class, next).why().failureClass());
    assertEquals(2, step.calls());
  }

  @Test
  void siteSystemErrorIsRetriedAsTransient() {
    assertInstanceOf(RetryDecision.Retry.class,
        policy(8).afterFailure(1, FailureEvidence.of(exited(202))));
  }

  @Test
  void expiredProxyGivesUpWithTheHelpersStatus() {
    RetryDecision.GiveUp giveUp = assertInstanceOf(RetryDecision.GiveUp.class,
        policy(9).afterFailure(1, FailureEvidence.proxyExpired()));
    assertEquals(HelperExit.PROXY_NOT_VALID, giveUp.exit());
  }

  @Test
  void refusedAttemptWaitsForTheBreakerThenTheJitterWindow() {
    ClassifiedBackoffPolicy policy = policy(10);
    Duration untilRetry = Duration.ofSeconds(30);
    boolean spread = false;
    for (int i = 0; i < 200; i++) {
      Duration delay = assertInstanceOf(RetryDecision.Retry.class,
          policy.afterRefusal(3, untilRetry)).delay();
      assertTrue(delay.compareTo(untilRetry) >= 0
              && delay.compareTo(untilRetry.plus(policy.window(3))) <= 0,
          "waited " + delay);
      spread |= delay.compareTo(untilRetry.plusSeconds(1)) > 0;
    }
    assertTrue(spread, "jitter spreads the waits beyond the breaker's retry time");
  }

  @Test
  void refusedAttemptsCountTowardMaxAttemptsWithoutCountingAsCalls() {
    RetryingStep step = new RetryingStep(policy(11));
    assertInstanceOf(RetryingStep.Next.CallAgain.class,
        step.callEnded(exited(203), FailureCause.AUTHZ_UNAVAILABLE));
    RetryingStep.Next next;
    do {
      next = step.refused(Duration.ofSeconds(30));
    } while (next instanceof RetryingStep.Next.CallAgain);

    RetryingStep.Next.Failed failed = assertInstanceOf(RetryingStep.Next.Failed.class, next);
    assertEquals(5, step.refusals(), "one call and five refusals make the six attempts");
    assertEquals(1, failed.calls());
    assertEquals(FailureClass.TRANSIENT, failed.why().failureClass());
    assertEquals(HelperExit.RETRIES_EXHAUSTED, failed.why().exit());
  }

  @Test
  void callAfterRefusalsIsNumberedAfterThem() {
    List<Integer> attempts = new ArrayList<>();
    RetryPolicy recording = new RetryPolicy() {
      @Override
      public RetryDecision afterFailure(int failedAttempt, FailureEvidence evidence) {
        attempts.add(failedAttempt);
        return new RetryDecision.Retry(Duration.ZERO);
      }

      @Override
      public RetryDecision afterRefusal(int refusedAttempt, Duration untilRetry) {
        attempts.add(-refusedAttempt);
        return new RetryDecision.Retry(untilRetry);
      }
    };
    RetryingStep step = new RetryingStep(recording);
    step.callEnded(exited(203), FailureCause.AUTHZ_UNAVAILABLE);
    step.refused(Duration.ofSeconds(30));
    step.refused(Duration.ofSeconds(60));
    step.callEnded(exited(203), FailureCause.AUTHZ_UNAVAILABLE);

    assertEquals(List.of(1, -2, -3, 4), attempts);
    assertEquals(2, step.calls());
  }

  @Test
  void maxDelayBelowBaseIsRejected() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> new ClassifiedBackoffConfig(Duration.ofSeconds(5), Duration.ofSeconds(1), 3, 1));
    assertEquals(Optional.of("glexec.classified.max-delay"), e.key());
  }

  @Test
  void unknownAttemptsAboveMaxAttemptsAreRejected() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> new ClassifiedBackoffConfig(Duration.ofSeconds(5), Duration.ofSeconds(10), 3, 4));
    assertEquals(Optional.of("glexec.classified.max-unknown-attempts"), e.key());
  }
}
