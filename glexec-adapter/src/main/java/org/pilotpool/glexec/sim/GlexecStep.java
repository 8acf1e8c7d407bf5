package org.pilotpool.glexec.sim;

import java.time.Duration;
import java.util.Objects;
import org.pilotpool.model.glexec.GlexecResult;
import org.pilotpool.model.retry.FailureCause;
import org.pilotpool.model.retry.HelperExit;

/** What the simulated glexec asks its host to do next, as data. Delays count from the input's instant. */
public sealed interface GlexecStep {

  /**
   * The call ends after {@code after} with {@code result}.
   *
   * @param cause what the caller may know beyond the exit status, for its retry policy
   */
  record Finish(Duration after, GlexecResult result, FailureCause cause) implements GlexecStep {
    public Finish {
      Objects.requireNonNull(after, "after");
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(cause, "cause");
    }
  }

  /**
   * Send {@code request} to the site authorization service after {@code sendAfter}; when its
   * reply (or a timeout standing in for it) arrives, pass it with {@code pending} to
   * {@link SimulatedGlexec#onAuthzReply}.
   */
  record Authorize(Duration sendAfter, AuthzRequest request, PendingAuthorization pending)
      implements GlexecStep {
    public Authorize {
      Objects.requireNonNull(sendAfter, "sendAfter");
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(pending, "pending");
    }
  }

  /**
   * The command runs as {@code account} but the caller never sees the call complete (the linger
   * pipe hang). A caller without a timeout, as HTCondor's starter, waits forever; one with a
   * timeout gets {@link #timedOutAfter}.
   *
   * @param elapsed time from the start of the call to this step
   */
  record Hung(Duration elapsed, String account) implements GlexecStep {
    public Hung {
      Objects.requireNonNull(elapsed, "elapsed");
      Objects.requireNonNull(account, "account");
    }

    /** What a caller that gives up {@code callerTimeout} after the start of the call sees. */
    public Finish timedOutAfter(Duration callerTimeout) {
      Duration after = callerTimeout.compareTo(elapsed) > 0 ? callerTimeout.minus(elapsed) : Duration.ZERO;
      return new Finish(after,
          GlexecResult.failed(GlexecResult.AdapterFailure.TIMED_OUT,
              "glexec did not close its output within " + callerTimeout.toSeconds() + " s",
              elapsed.plus(after)),
          FailureCause.NOT_KNOWN);
    }
  }

  /**
   * HTCondor's helper refused before calling glexec because the payload proxy had expired: "The
   * job proxy is not valid.", internal status -10000. No authorization request was made.
   */
  record ProxyNotValid(String message) implements GlexecStep {
    public ProxyNotValid {
      Objects.requireNonNull(message, "message");
    }

    /** The status the starter reports as hold subcode: -10000. */
    public int helperStatus() {
      return HelperExit.PROXY_NOT_VALID.rawWaitStatus();
    }
  }
}
