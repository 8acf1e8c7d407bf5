package org.pilotpool.pool;

import java.util.random.RandomGenerator;
import org.pilotpool.model.retry.ClassifiedBackoffConfig;
import org.pilotpool.model.retry.ClassifiedBackoffPolicy;
import org.pilotpool.model.retry.HtcondorRetryConfig;
import org.pilotpool.model.retry.HtcondorRetryPolicy;
import org.pilotpool.model.retry.RetryPolicy;

/** How starters retry a failed glexec step: HTCondor's rule, or ours. */
public enum RetryChoice {
  /** GLEXEC_RETRIES / GLEXEC_RETRY_DELAY, 202 and 203 alike. */
  HTCONDOR,
  /** Classified from the evidence: transient failures back off with jitter, a ban is final. */
  CLASSIFIED;

  /** One starter's policy, with its own random stream. */
  RetryPolicy create(
      HtcondorRetryConfig htcondor, ClassifiedBackoffConfig classified, RandomGenerator random) {
    return this == HTCONDOR
        ? new HtcondorRetryPolicy(htcondor, random)
        : new ClassifiedBackoffPolicy(classified, random);
  }
}
