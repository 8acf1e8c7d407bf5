package org.pilotpool.starter;

/**
 * What a permanent authorization denial at SETUP does to the job. Config key
 * {@code pilotpool.starter.denial}.
 */
public enum DenialPolicy {
  /** HTCondor: hold code 28 (or, with GLEXEC_HOLD_ON_INITIAL_FAILURE off, a shadow exception). */
  HOLD,
  /**
   * Ours: requeue the job with the denying site added to its excluded sites, so that the
   * negotiator matches it elsewhere.
   */
  EXCLUDE_SITE
}
