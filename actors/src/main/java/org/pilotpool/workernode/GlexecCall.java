package org.pilotpool.workernode;

import java.time.Duration;
import java.util.Objects;
import org.pilotpool.model.glexec.GlexecInvocation;
import org.pilotpool.model.glexec.GlexecResult;
import org.pilotpool.model.retry.FailureCause;

/** How one glexec call ended, as its caller (starter, procd, pilot) learns it. */
public sealed interface GlexecCall {
  String callId();

  GlexecInvocation invocation();

  /**
   * glexec ran and returned.
   *
   * @param cause what is known beyond the exit status (the authz service's answer), for the
   *     caller's retry policy
   */
  record Returned(String callId, GlexecInvocation invocation, GlexecResult result, FailureCause cause)
      implements GlexecCall {
    public Returned {
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(cause, "cause");
    }
  }

  /**
   * HTCondor's helper did not call glexec at all because the payload proxy had expired: "The job
   * proxy is not valid.", internal status -10000.
   */
  record ProxyNotValid(String callId, GlexecInvocation invocation, String message, int helperStatus)
      implements GlexecCall {}

  /**
   * The node's circuit breaker refused the call: glexec did not run and the site's authorization
   * service was not asked, because the node's recent calls found the service failing. Not a
   * glexec call; the caller's retry policy decides whether to try again.
   *
   * @param retryAfter how long the breaker refuses calls from now
   */
  record BreakerOpen(String callId, GlexecInvocation invocation, Duration retryAfter)
      implements GlexecCall {
    public BreakerOpen {
      Objects.requireNonNull(retryAfter, "retryAfter");
      if (retryAfter.isNegative()) {
        throw new IllegalArgumentException("negative retryAfter " + retryAfter);
      }
    }

    /** What the caller reports in place of glexec's error output. */
    public static final String MESSAGE =
        "glexec not called: the circuit breaker guarding the site's authorization service is open";
  }
}
