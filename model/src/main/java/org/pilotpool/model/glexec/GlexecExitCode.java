package org.pilotpool.model.glexec;

/**
 * What a glexec exit status means (glexec 0.6.0-1 and later). On success glexec returns the
 * command's own status; the codes below are glexec's own.
 */
public enum GlexecExitCode {
  SUCCESS(0, "success"),
  /** No proxy, bad proxy permissions, target not accessible, binary missing or not executable for the mapped user. */
  CLIENT_ERROR(201, "client error"),
  /** glexec.conf missing or bad, LCAS/LCMAPS initialization failure. */
  SYSTEM_ERROR(202, "system error"),
  /** Not whitelisted, LCAS deny, banned, LCMAPS failure at the authz service, service down or unreachable. */
  AUTHORIZATION_ERROR(203, "authorization error"),
  /** The payload itself exited with 201-204, so glexec remapped it. */
  PAYLOAD_CODE_COLLISION(204, "payload exit code collision"),
  /** The command could not be executed. */
  NOT_EXECUTABLE(126, "command not executable"),
  /** Any other status: the payload's own non-zero exit. */
  PAYLOAD_EXIT(-1, "payload exited non-zero");

  private final int code;
  private final String meaning;

  GlexecExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** The numeric status, or -1 for {@link #PAYLOAD_EXIT}, which stands for many. */
  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }

  /** Classifies a process exit status. */
  public static GlexecExitCode of(int status) {
    for (GlexecExitCode c : values()) {
      if (c.code == status && c != PAYLOAD_EXIT) {
        return c;
      }
    }
    return PAYLOAD_EXIT;
  }

  /** HTCondor's scripts retry exactly these two (condor_glexec_setup, _kill, _cleanup). */
  public boolean retriedByHtcondor() {
    return this == SYSTEM_ERROR || this == AUTHORIZATION_ERROR;
  }
}
