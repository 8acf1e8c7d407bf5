package org.pilotpool.model.retry;

import java.util.OptionalInt;

/**
 * How a glexec step that gave up ends, as HTCondor's helper scripts (condor_glexec_setup, _kill,
 * _cleanup) and the starter's helper report it. The starter puts {@link #rawWaitStatus()} into the
 * hold subcode (hold 28 or 30).
 */
public enum HelperExit {
  /** Script exit 2: glexec returned a code other than 202/203, or the command failed. */
  NOT_RETRYABLE(2, 512),
  /** Script exit 3: 202/203 kept coming back after GLEXEC_RETRIES retries. */
  RETRIES_EXHAUSTED(3, 768),
  /** The helper did not call glexec: "The job proxy is not valid." (internal rc -10000). */
  PROXY_NOT_VALID(-1, -10000);

  /** The message HTCondor's helper reports with {@link #PROXY_NOT_VALID}. */
  public static final String PROXY_NOT_VALID_MESSAGE = "The job proxy is not valid.";

  private final int scriptExit;
  private final int waitStatus;

  HelperExit(int scriptExit, int waitStatus) {
    this.scriptExit = scriptExit;
    this.waitStatus = waitStatus;
  }

  /** The script's exit status; empty for {@link #PROXY_NOT_VALID}, where no script ran. */
  public OptionalInt scriptExitStatus() {
    return scriptExit < 0 ? OptionalInt.empty() : OptionalInt.of(scriptExit);
  }

  /** What the starter sees: the raw wait status (exit status shifted by 8), or -10000. */
  public int rawWaitStatus() {
    return waitStatus;
  }
}
