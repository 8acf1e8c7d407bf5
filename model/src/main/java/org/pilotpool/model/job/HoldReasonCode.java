package org.pilotpool.model.job;

/**
 * The HTCondor hold reason codes the pool produces, with HTCondor's numbers and names
 * ({@code condor_holdcodes.h}). The subcode that goes with a code is carried beside it: the errno
 * for {@link #FAILED_TO_CREATE_PROCESS}, the helper's raw wait status for the glexec chown codes.
 */
public enum HoldReasonCode {
  /** Unspecified; also what a glexec setup failure gives with GLEXEC_HOLD_ON_INITIAL_FAILURE off. */
  UNSPECIFIED(0, "Unspecified"),
  /** {@code condor_hold} by a user or administrator. */
  USER_REQUEST(1, "UserRequest"),
  /** The job's own {@code PeriodicHold} expression evaluated to true. */
  JOB_POLICY(3, "JobPolicy"),
  /** The job's proxy is invalid or about to expire. */
  CORRUPTED_CREDENTIAL(4, "CorruptedCredential"),
  /** A job policy expression evaluated to UNDEFINED. */
  JOB_POLICY_UNDEFINED(5, "JobPolicyUndefined"),
  /** The starter failed to start the executable (glexec launch failure); subcode errno. */
  FAILED_TO_CREATE_PROCESS(6, "FailedToCreateProcess"),
  /** {@code SYSTEM_PERIODIC_HOLD} evaluated to true. */
  SYSTEM_POLICY(26, "SystemPolicy"),
  /** {@code condor_glexec_setup} failed; subcode the raw wait status. */
  GLEXEC_CHOWN_SANDBOX_TO_USER(28, "GlexecChownSandboxToUser"),
  /** {@code condor_glexec_cleanup} failed; subcode the raw wait status. */
  GLEXEC_CHOWN_SANDBOX_TO_CONDOR(30, "GlexecChownSandboxToCondor");

  private final int code;
  private final String htcondorName;

  HoldReasonCode(int code, String htcondorName) {
    this.code = code;
    this.htcondorName = htcondorName;
  }

  /** The {@code HoldReasonCode} attribute value. */
  public int code() {
    return code;
  }

  /** The name in {@code CONDOR_HOLD_CODE}, e.g. {@code GlexecChownSandboxToUser}. */
  public String htcondorName() {
    return htcondorName;
  }

  /** The code with this number; throws for numbers the pool does not produce. */
  public static HoldReasonCode fromCode(int code) {
    for (HoldReasonCode c : values()) {
      if (c.code == code) {
        return c;
      }
    }
    throw new IllegalArgumentException("hold reason code " + code + " is not one the pool uses");
  }
}
