package org.pilotpool.model.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.pilotpool.model.glexec.GlexecResult;

/**
 * HTCondor's glexec retry rule, as in condor_glexec_setup, _kill and _cleanup and in the starter's
 * launch loop: only exit 202 and 203 are retried, at most {@code GLEXEC_RETRIES} times (so at most
 * retries + 1 calls per step); after the n-th failure it waits {@code GLEXEC_RETRY_DELAY × r},
 * r = 1 + (random mod n) mod 100, i.e. r uniform in 1..min(n, 100). A step that stops on another
 * code ends with script exit 2, one that runs out of retries with exit 3. It does not know causes:
 * a ban costs the full number of calls, which is the behaviour this class exists to reproduce.
 *
 * <p>HTCondor has no circuit breaker. Paired with ours, a refused attempt takes the place of the
 * 203 the call would have met: it counts as one of the {@code GLEXEC_RETRIES}, and the retry
 * waits for the breaker and then the usual {@code GLEXEC_RETRY_DELAY × r}.
 */
public final class HtcondorRetryPolicy implements RetryPolicy {
  /** The starter caps the delay multiplier at 100. */
  static final int MAX_MULTIPLIER = 100;

  private final HtcondorRetryConfig config;
  private final RandomGenerator random;

  public HtcondorRetryPolicy(HtcondorRetryConfig config, RandomGenerator random) {
    this.config = Objects.requireNonNull(config, "config");
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public RetryDecision afterFailure(int failedAttempt, FailureEvidence evidence) {
    Attempts.check(failedAttempt);
    FailureClass failureClass = FailureClassifier.classify(evidence);
    if (evidence.result().isEmpty()) {
      return new RetryDecision.GiveUp(
          failureClass, HelperExit.PROXY_NOT_VALID, HelperExit.PROXY_NOT_VALID_MESSAGE);
    }
    GlexecResult result = evidence.result().get();
    // Without an exit status (glexec missing, pipes broken) the scripts see a failed command.
    if (result.failure().isPresent() || !result.code().retriedByHtcondor()) {
      return new RetryDecision.GiveUp(failureClass, HelperExit.NOT_RETRYABLE,
          "glexec exited with status " + result.exitStatus() + ", which is not retried");
    }
    if (failedAttempt > config.retries()) {
      return new RetryDecision.GiveUp(failureClass, HelperExit.RETRIES_EXHAUSTED,
          "glexec exited with status " + result.exitStatus() + " after "
              + config.retries() + " retries");
    }
    return new RetryDecision.Retry(delayAfter(failedAttempt));
  }

  @Override
  public RetryDecision afterRefusal(int refusedAttempt, Duration untilRetry) {
    Attempts.checkRefusal(refusedAttempt, untilRetry);
    if (refusedAttempt > config.retries()) {
      return new RetryDecision.GiveUp(FailureClass.TRANSIENT, HelperExit.RETRIES_EXHAUSTED,
          "the site's circuit breaker was still open after " + config.retries() + " retries");
    }
    return new RetryDecision.Retry(untilRetry.plus(delayAfter(refusedAttempt)));
  }

  private Duration delayAfter(int failedAttempt) {
    int multiplier = 1 + random.nextInt(Math.min(failedAttempt, MAX_MULTIPLIER));
    return config.retryDelay().multipliedBy(multiplier);
  }
}
