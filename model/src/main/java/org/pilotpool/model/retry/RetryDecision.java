package org.pilotpool.model.retry;

import java.time.Duration;
import java.util.Objects;

/** A retry policy's answer after a failed attempt. */
public sealed interface RetryDecision {

  /** Call glexec again after {@code delay}. */
  record Retry(Duration delay) implements RetryDecision {
    public Retry {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("negative retry delay " + delay);
      }
    }
  }

  /**
   * Stop: the step failed.
   *
   * @param failureClass what the last failure was
   * @param exit how the step reports the failure to the starter or procd
   * @param reason one line for the operator
   */
  record GiveUp(FailureClass failureClass, HelperExit exit, String reason) implements RetryDecision {
    public GiveUp {
      Objects.requireNonNull(failureClass, "failureClass");
      Objects.requireNonNull(exit, "exit");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
