package org.pilotpool.model.retry;

import java.time.Duration;
import java.util.Objects;
import org.pilotpool.model.glexec.GlexecResult;

/**
 * The retry loop of one glexec step (one setup, one kill of one pid, one cleanup), as the helper
 * scripts run it: feed it each attempt's outcome and it says whether to call again, after how
 * long, or how the step ended. Holds only the counts of calls and of attempts the node's circuit
 * breaker refused; the policy decides, counting both as attempts ({@link RetryPolicy}).
 */
public final class RetryingStep {

  /** What the step does next. */
  public sealed interface Next {
    /** Call glexec again after {@code delay}. */
    record CallAgain(Duration delay) implements Next {}

    /** The step is done: the last call returned 0. */
    record Succeeded(int calls) implements Next {}

    /** The step failed after {@code calls} glexec calls (0 when glexec was never called). */
    record Failed(RetryDecision.GiveUp why, int calls) implements Next {}
  }

  private final RetryPolicy policy;
  private int calls;
  private int refusals;
  private boolean finished;

  public RetryingStep(RetryPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** glexec calls made so far in this step. */
  public int calls() {
    return calls;
  }

  /** Attempts the node's circuit breaker refused so far in this step: no glexec call each. */
  public int refusals() {
    return refusals;
  }

  /** A call ended with {@code result}; {@code cause} is what the caller knows beyond its status. */
  public Next callEnded(GlexecResult result, FailureCause cause) {
    ensureRunning();
    calls++;
    if (result.succeeded()) {
      finished = true;
      return new Next.Succeeded(calls);
    }
    return decide(FailureEvidence.of(result, cause));
  }

  /** The payload proxy had expired before the next call, so glexec was not called. */
  public Next proxyExpired() {
    ensureRunning();
    return decide(FailureEvidence.proxyExpired());
  }

  /**
   * The node's circuit breaker refused the attempt, so glexec was not called; it lets calls
   * through again after {@code untilRetry}.
   */
  public Next refused(Duration untilRetry) {
    ensureRunning();
    refusals++;
    return next(policy.afterRefusal(calls + refusals, untilRetry));
  }

  private Next decide(FailureEvidence evidence) {
    return next(policy.afterFailure(Math.max(calls + refusals, 1), evidence));
  }

  private Next next(RetryDecision decision) {
    if (decision instanceof RetryDecision.Retry retry) {
      return new Next.CallAgain(retry.delay());
    }
    finished = true;
    return new Next.Failed((RetryDecision.GiveUp) decision, calls);
  }

  private void ensureRunning() {
    if (finished) {
      throw new IllegalStateException("the step has already ended");
    }
  }
}
