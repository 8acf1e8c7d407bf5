package org.pilotpool.starter;

/**
 * What the starter does with a re-delegated proxy whose identity (DN or first FQAN) differs from
 * the one the job started with. Config key {@code pilotpool.starter.redelegation}.
 */
public enum IdentityPolicy {
  /**
   * HTCondor 8.8: no comparison; the new proxy replaces the old one, and later KILL and CLEANUP
   * calls run as whatever account it maps to.
   */
  HTCONDOR,
  /** Ours: refuse the change, keep the old proxy for control actions, and record an event. */
  REFUSE_IDENTITY_CHANGE
}
