package org.pilotpool.glexec.sim;

import java.util.Objects;
import org.pilotpool.model.retry.FailureCause;

/**
 * What came back to glexec from the site authorization service, or in its place. Only
 * {@link Permit} lets the command run; glexec reports every other reply as 203.
 */
public sealed interface AuthzReply {

  /** What the caller may learn beyond glexec's 203, for its retry policy. */
  FailureCause failureCause();

  /** Permit, with the pool account the payload identity is mapped to. */
  record Permit(String account) implements AuthzReply {
    public Permit {
      Objects.requireNonNull(account, "account");
    }

    @Override
    public FailureCause failureCause() {
      return FailureCause.NOT_KNOWN;
    }
  }

  /** Deny: a ban or a policy without a permit rule. */
  record Deny(String reason) implements AuthzReply {
    public Deny {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public FailureCause failureCause() {
      return FailureCause.AUTHZ_DENIED;
    }
  }

  /** The decision could not be evaluated (XACML Indeterminate). */
  record Indeterminate() implements AuthzReply {
    @Override
    public FailureCause failureCause() {
      return FailureCause.AUTHZ_INDETERMINATE;
    }
  }

  /** No policy applies to the request (XACML NotApplicable). */
  record NotApplicable() implements AuthzReply {
    @Override
    public FailureCause failureCause() {
      return FailureCause.AUTHZ_NOT_APPLICABLE;
    }
  }

  /** The service's queue was full: HTTP 503. */
  record Overloaded() implements AuthzReply {
    @Override
    public FailureCause failureCause() {
      return FailureCause.AUTHZ_OVERLOADED;
    }
  }

  /** No answer within the client's timeout. */
  record TimedOut() implements AuthzReply {
    @Override
    public FailureCause failureCause() {
      return FailureCause.AUTHZ_TIMED_OUT;
    }
  }

  /** The service was down or unreachable. */
  record Unavailable() implements AuthzReply {
    @Override
    public FailureCause failureCause() {
      return FailureCause.AUTHZ_UNAVAILABLE;
    }
  }
}
