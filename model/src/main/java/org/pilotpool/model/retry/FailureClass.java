package org.pilotpool.model.retry;

/** What a failed glexec call says about whether calling again can help. */
public enum FailureClass {
  /** The site's service was busy, slow or briefly down: a later call may succeed. */
  TRANSIENT,
  /** The site answered and said no (ban, explicit deny, expired proxy): retrying cannot help. */
  PERMANENT,
  /** Our own side is wrong (no proxy, bad permissions, unreachable sandbox, command not executable). */
  CLIENT,
  /** The evidence does not tell: glexec's 203 alone covers both a ban and a cut network. */
  UNKNOWN
}
