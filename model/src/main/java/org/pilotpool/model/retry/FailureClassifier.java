package org.pilotpool.model.retry;

import org.pilotpool.model.glexec.GlexecResult;

/**
 * Sorts failures into {@link FailureClass}es. The caller's knowledge of the cause wins over the
 * exit status, because the status conflates: glexec reports a ban and an unreachable service both
 * as 203.
 */
public final class FailureClassifier {
  private FailureClassifier() {}

  public static FailureClass classify(FailureEvidence evidence) {
    return switch (evidence.cause()) {
      case AUTHZ_OVERLOADED, AUTHZ_TIMED_OUT, AUTHZ_UNAVAILABLE -> FailureClass.TRANSIENT;
      case AUTHZ_DENIED, AUTHZ_NOT_APPLICABLE, PROXY_EXPIRED -> FailureClass.PERMANENT;
      case AUTHZ_INDETERMINATE -> FailureClass.UNKNOWN;
      case NOT_KNOWN -> classify(evidence.result().orElseThrow());
    };
  }

  private static FailureClass classify(GlexecResult result) {
    if (result.failure().isPresent()) {
      return switch (result.failure().get()) {
        case TIMED_OUT -> FailureClass.TRANSIENT;
        case BINARY_UNAVAILABLE -> FailureClass.CLIENT;
        case IO_ERROR, UNEXPECTED_OUTPUT -> FailureClass.UNKNOWN;
      };
    }
    return switch (result.code()) {
      // 202 is the site's local setup (glexec.conf, LCAS/LCMAPS initialization): it may be a
      // passing resource shortage or get repaired, so a later call can succeed.
      case SYSTEM_ERROR -> FailureClass.TRANSIENT;
      case AUTHORIZATION_ERROR -> FailureClass.UNKNOWN;
      // A failing command (tar, kill, the payload) is ours to fix, like a bad proxy or path.
      case CLIENT_ERROR, NOT_EXECUTABLE, PAYLOAD_CODE_COLLISION, PAYLOAD_EXIT -> FailureClass.CLIENT;
      case SUCCESS -> throw new IllegalArgumentException("exit status 0 is not a failure");
    };
  }
}
