package org.pilotpool.procd;

import java.util.Optional;
import org.pilotpool.model.glexec.GlexecResult;

/**
 * What a glexec call that ran its command as some account means for processes and files owned by
 * another: glexec itself succeeds (it maps the proxy it is given), but the command it runs cannot
 * touch what belongs to the first account. This is how a re-delegated proxy of another identity
 * loses control of a running job (an inference, not a verified HTCondor behaviour).
 */
public final class ProcessOwnership {
  private ProcessOwnership() {}

  /** {@code /bin/kill}'s status when the target belongs to another user. */
  public static final int KILL_NOT_PERMITTED = 1;

  /** tar's status when it cannot read the sandbox. */
  public static final int TAR_NOT_PERMITTED = 2;

  /**
   * The result as the command saw it: a call that glexec ran as an account other than
   * {@code owner} ends with {@code failedStatus} and {@code failedText}; any other result is
   * returned as is.
   */
  public static GlexecResult asSeenBy(GlexecResult result, String owner, int failedStatus,
      String failedText) {
    Optional<String> mapped = result.mappedAccount();
    if (result.succeeded() && mapped.isPresent() && !mapped.get().equals(owner)) {
      return GlexecResult.exited(failedStatus, failedText + " (running as " + mapped.get()
          + ", owned by " + owner + ")", mapped, result.took());
    }
    return result;
  }
}
