package org.pilotpool.model.retry;

import java.time.Duration;

/**
 * Decides, after an attempt of one glexec step (setup, kill, cleanup...) failed, whether to try
 * again. The caller stops on its own at the first success; the policy only sees failures. Policies
 * are stateless between steps, so one instance serves every step of a node or site.
 *
 * <p>An attempt is a glexec call, or a call the node's circuit breaker refused without running
 * glexec ({@link #afterRefusal}). Both count toward the policy's limit: the breaker refuses only
 * because the site has just failed this node's calls transiently, so a refusal stands for the
 * failure the call would have met, and counting it bounds a step's life even when the breaker
 * never closes again. A refusal is not a glexec call: callers report calls without them.
 */
public interface RetryPolicy {

  /**
   * @param failedAttempt the number of the attempt whose call just failed, 1 for the step's first
   * @param evidence what the failed call returned and what the caller knows of the cause
   */
  RetryDecision afterFailure(int failedAttempt, FailureEvidence evidence);

  /**
   * The node's circuit breaker refused an attempt: glexec was not run and the site not asked.
   *
   * @param refusedAttempt the number of the refused attempt, 1 for the step's first
   * @param untilRetry how long the breaker refuses calls from now; a retry should wait at least
   *     this, plus jitter, so that the node's waiting steps do not arrive at its probe together
   */
  RetryDecision afterRefusal(int refusedAttempt, Duration untilRetry);
}
