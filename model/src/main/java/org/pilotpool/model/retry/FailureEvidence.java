package org.pilotpool.model.retry;

import java.util.Objects;
import java.util.Optional;
import org.pilotpool.model.glexec.GlexecResult;

/**
 * Everything a retry policy may look at after one failed attempt.
 *
 * @param result what glexec returned, empty when glexec was not called (expired proxy)
 * @param cause what the caller knows beyond the exit status
 */
public record FailureEvidence(Optional<GlexecResult> result, FailureCause cause) {
  public FailureEvidence {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(cause, "cause");
    if (result.isEmpty() && cause != FailureCause.PROXY_EXPIRED) {
      throw new IllegalArgumentException("only an expired proxy fails without a glexec result");
    }
    if (result.isPresent() && result.get().succeeded()) {
      throw new IllegalArgumentException("a successful glexec call is not a failure");
    }
  }

  /** Only the exit status is known, as with a real glexec. */
  public static FailureEvidence of(GlexecResult result) {
    return new FailureEvidence(Optional.of(result), FailureCause.NOT_KNOWN);
  }

  public static FailureEvidence of(GlexecResult result, FailureCause cause) {
    return new FailureEvidence(Optional.of(result), cause);
  }

  /** HTCondor's helper refused to call glexec: "The job proxy is not valid." */
  public static FailureEvidence proxyExpired() {
    return new FailureEvidence(Optional.empty(), FailureCause.PROXY_EXPIRED);
  }
}
