package org.pilotpool.model.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Our retry rule: classify each failure ({@link FailureClassifier}) and retry only what a later
 * call can fix. A permanent failure (ban, deny, expired proxy) and a client error stop at once, so
 * a banned user costs the site one call per step instead of HTCondor's {@code GLEXEC_RETRIES + 1}.
 * Transient failures back off exponentially with <em>full jitter</em>: the wait after the n-th
 * failure is uniform in [0, min(maxDelay, baseDelay × 2^(n-1))].
 *
 * <p>Why full jitter rather than decorrelated jitter: the failures it answers come in waves (a
 * mass removal turns into thousands of kill calls within milliseconds, an overloaded Argus answers
 * 503 to all of them together), and full jitter spreads a wave evenly over the whole window, which
 * in published comparisons costs the fewest calls for about the same completion time. It also
 * depends only on the attempt number, so the policy keeps no state per step and one instance
 * serves a whole site; decorrelated jitter would need the previous wait of every step.
 *
 * <p>An attempt the node's circuit breaker refused counts as a transient failure: the step waits
 * until the breaker lets calls through, then the same full-jitter wait, so the node's waiting
 * steps spread out behind its probe instead of arriving together.
 */
public final class ClassifiedBackoffPolicy implements RetryPolicy {
  private final ClassifiedBackoffConfig config;
  private final RandomGenerator random;

  public ClassifiedBackoffPolicy(ClassifiedBackoffConfig config, RandomGenerator random) {
    this.config = Objects.requireNonNull(config, "config");
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public RetryDecision afterFailure(int failedAttempt, FailureEvidence evidence) {
    Attempts.check(failedAttempt);
    FailureClass failureClass = FailureClassifier.classify(evidence);
    return switch (failureClass) {
      case PERMANENT, CLIENT -> giveUpAtOnce(failureClass, evidence);
      case TRANSIENT -> retryUpTo(config.maxAttempts(), failedAttempt, failureClass);
      case UNKNOWN -> retryUpTo(config.maxUnknownAttempts(), failedAttempt, failureClass);
    };
  }

  @Override
  public RetryDecision afterRefusal(int refusedAttempt, Duration untilRetry) {
    Attempts.checkRefusal(refusedAttempt, untilRetry);
    if (refusedAttempt >= config.maxAttempts()) {
      return new RetryDecision.GiveUp(FailureClass.TRANSIENT, HelperExit.RETRIES_EXHAUSTED,
          "the site's circuit breaker was still open after " + config.maxAttempts() + " attempts");
    }
    long windowMillis = window(refusedAttempt).toMillis();
    return new RetryDecision.Retry(
        untilRetry.plusMillis(random.nextLong(windowMillis + 1)));
  }

  /** The largest wait after the n-th failure: min(maxDelay, baseDelay × 2^(n-1)). */
  public Duration window(int failedAttempt) {
    Duration cap = config.maxDelay();
    Duration window = config.baseDelay();
    for (int i = 1; i < failedAttempt && window.compareTo(cap) < 0; i++) {
      window = window.multipliedBy(2);
    }
    return window.compareTo(cap) < 0 ? window : cap;
  }

  private RetryDecision giveUpAtOnce(FailureClass failureClass, FailureEvidence evidence) {
    if (evidence.cause() == FailureCause.PROXY_EXPIRED) {
      return new RetryDecision.GiveUp(
          failureClass, HelperExit.PROXY_NOT_VALID, HelperExit.PROXY_NOT_VALID_MESSAGE);
    }
    return new RetryDecision.GiveUp(failureClass, HelperExit.NOT_RETRYABLE,
        describe(evidence) + " is " + failureClass.name().toLowerCase() + ": not retried");
  }

  private RetryDecision retryUpTo(int attempts, int failedAttempt, FailureClass failureClass) {
    if (failedAttempt >= attempts) {
      return new RetryDecision.GiveUp(failureClass, HelperExit.RETRIES_EXHAUSTED,
          failureClass.name().toLowerCase() + " failure persisted over " + attempts + " calls");
    }
    long windowMillis = window(failedAttempt).toMillis();
    return new RetryDecision.Retry(Duration.ofMillis(random.nextLong(windowMillis + 1)));
  }

  private static String describe(FailureEvidence evidence) {
    String status = evidence.result()
        .map(r -> r.failure().map(f -> "adapter failure " + f).orElse("glexec status " + r.exitStatus()))
        .orElse("no glexec call");
    return evidence.cause() == FailureCause.NOT_KNOWN
        ? status
        : status + " (" + evidence.cause().name().toLowerCase() + ")";
  }
}
