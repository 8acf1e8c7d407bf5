package org.pilotpool.model.retry;

/**
 * Decides, after a glexec call of one step (setup, kill, cleanup...) failed, whether to call again.
 * The caller stops on its own at the first success; the policy only sees failures. Policies are
 * stateless between steps, so one instance serves every step of a node or site.
 */
public interface RetryPolicy {

  /**
   * @param failedAttempt the number of the call that just failed, 1 for the step's first call
   * @param evidence what the failed call returned and what the caller knows of the cause
   */
  RetryDecision afterFailure(int failedAttempt, FailureEvidence evidence);
}
