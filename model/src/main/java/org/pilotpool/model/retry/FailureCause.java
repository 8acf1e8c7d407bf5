package org.pilotpool.model.retry;

/**
 * What the caller knows about a failure beyond glexec's exit status. A real glexec only returns
 * the status (203 for a ban and for an outage alike); the simulation, and a serve-mode caller that
 * parses glexec's error output, can say more.
 */
public enum FailureCause {
  /** Nothing beyond the exit status. */
  NOT_KNOWN,
  /** The authorization service refused for load (Argus: queue full, HTTP 503). */
  AUTHZ_OVERLOADED,
  /** The authorization service did not answer in time. */
  AUTHZ_TIMED_OUT,
  /** The authorization service was down or unreachable (outage window, network cut). */
  AUTHZ_UNAVAILABLE,
  /** The authorization service decided Deny: a ban or no matching permit rule. */
  AUTHZ_DENIED,
  /** The authorization service found no applicable policy (XACML NotApplicable). */
  AUTHZ_NOT_APPLICABLE,
  /** The authorization service could not evaluate the request (XACML Indeterminate). */
  AUTHZ_INDETERMINATE,
  /** The payload proxy had expired, so glexec was not called at all. */
  PROXY_EXPIRED
}
