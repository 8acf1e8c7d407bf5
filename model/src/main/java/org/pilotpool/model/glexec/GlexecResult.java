package org.pilotpool.model.glexec;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What came back from one glexec call.
 *
 * @param exitStatus glexec's exit status, or -1 when the adapter could not obtain one
 *     (see {@code failure})
 * @param failure empty when glexec ran and returned a status; otherwise why there is no status
 *     (binary missing, timed out, output unreadable), as a message for the operator
 * @param stderr what glexec and the command wrote to standard error (trimmed)
 * @param mappedAccount the local account the proxy was mapped to, when known
 * @param took wall time (serve) or virtual time (simulate) from call to result
 */
public record GlexecResult(
    int exitStatus,
    Optional<AdapterFailure> failure,
    String stderr,
    Optional<String> mappedAccount,
    Duration took) {

  /** Why no exit status came back. */
  public enum AdapterFailure {
    /** The configured binary does not exist or cannot be executed by the caller. */
    BINARY_UNAVAILABLE,
    /** glexec did not finish within the adapter's timeout and was killed. */
    TIMED_OUT,
    /** The process could not be started or its pipes failed. */
    IO_ERROR,
    /**
     * glexec exited 0 but its output is not what the operation requires (VALIDATE: the last line
     * is not "Hello World", glideinWMS's rule); {@code exitStatus} keeps the real status.
     */
    UNEXPECTED_OUTPUT
  }

  public GlexecResult {
    Objects.requireNonNull(failure, "failure");
    stderr = stderr == null ? "" : stderr;
    Objects.requireNonNull(mappedAccount, "mappedAccount");
    Objects.requireNonNull(took, "took");
  }

  public static GlexecResult exited(int status, String stderr, Optional<String> account, Duration took) {
    return new GlexecResult(status, Optional.empty(), stderr, account, took);
  }

  public static GlexecResult failed(AdapterFailure why, String message, Duration took) {
    return new GlexecResult(-1, Optional.of(why), message, Optional.empty(), took);
  }

  /** glexec's classification of the status; {@code SYSTEM_ERROR} stands for adapter failures. */
  public GlexecExitCode code() {
    return failure.isPresent() ? GlexecExitCode.SYSTEM_ERROR : GlexecExitCode.of(exitStatus);
  }

  public boolean succeeded() {
    return failure.isEmpty() && exitStatus == 0;
  }
}
