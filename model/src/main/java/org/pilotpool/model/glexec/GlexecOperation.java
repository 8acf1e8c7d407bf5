package org.pilotpool.model.glexec;

/**
 * Why the starter, the procd or the pilot calls glexec. Each maps to one of HTCondor's helper
 * scripts (condor_glexec_setup, _run, _update_proxy, _kill, _cleanup) or to glideinWMS's
 * validation tests.
 */
public enum GlexecOperation {
  /** Hand the sandbox to the user: tar pipe into {@code install -d && tar -x} (condor_glexec_setup). */
  SETUP,
  /** Run the job wrapper as the user (condor_glexec_run). */
  LAUNCH,
  /** Copy a refreshed proxy into the user-owned sandbox, authorized by the old one (condor_glexec_update_proxy). */
  UPDATE_PROXY,
  /** {@code sh -c "/bin/kill -SIG pid"} for one process of the family (condor_glexec_kill). */
  KILL,
  /** Take the sandbox back: tar from the user-owned sandbox into {@code .condor} (condor_glexec_cleanup). */
  CLEANUP,
  /** glideinWMS's "Hello World" tests at pilot start-up (glexec_setup.sh). */
  VALIDATE
}
