package org.pilotpool.model.authz;

import java.util.Objects;
import org.pilotpool.model.retry.FailureCause;

/**
 * The answer a requester gets: the four XACML decisions of Argus, plus the three ways the service
 * can fail to decide (overload, timeout, outage), which glexec reports alike as an authorization
 * failure.
 */
public sealed interface AuthzDecision {

  /** The decision's kind, for counting. */
  DecisionKind kind();

  /**
   * What a glexec caller may learn beyond glexec's 203, for its retry policy: glexec reports
   * every decision but Permit alike.
   */
  default FailureCause failureCause() {
    return switch (kind()) {
      case PERMIT -> FailureCause.NOT_KNOWN;
      case DENY -> FailureCause.AUTHZ_DENIED;
      case INDETERMINATE -> FailureCause.AUTHZ_INDETERMINATE;
      case NOT_APPLICABLE -> FailureCause.AUTHZ_NOT_APPLICABLE;
      case OVERLOADED -> FailureCause.AUTHZ_OVERLOADED;
      case TIMED_OUT -> FailureCause.AUTHZ_TIMED_OUT;
      case UNAVAILABLE -> FailureCause.AUTHZ_UNAVAILABLE;
    };
  }

  /** Permitted, mapped to a local pool account (Argus' local-environment-map obligation). */
  record Permit(String account) implements AuthzDecision {
    public Permit {
      Objects.requireNonNull(account, "account");
    }

    @Override
    public DecisionKind kind() {
      return DecisionKind.PERMIT;
    }
  }

  /** Denied by policy. */
  record Deny(DenyReason reason) implements AuthzDecision {
    public Deny {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public DecisionKind kind() {
      return DecisionKind.DENY;
    }
  }

  /** The policy could not be evaluated to a Permit or Deny. */
  record Indeterminate(IndeterminateReason reason) implements AuthzDecision {
    public Indeterminate {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public DecisionKind kind() {
      return DecisionKind.INDETERMINATE;
    }
  }

  /** No policy applies to the request (its VO is not supported here). */
  record NotApplicable() implements AuthzDecision {
    @Override
    public DecisionKind kind() {
      return DecisionKind.NOT_APPLICABLE;
    }
  }

  /** Workers and queue were full: the PEP daemon answers HTTP 503 at once. */
  record Overloaded() implements AuthzDecision {
    @Override
    public DecisionKind kind() {
      return DecisionKind.OVERLOADED;
    }
  }

  /** The request was still queued or in service when the request timeout ran out. */
  record TimedOut() implements AuthzDecision {
    @Override
    public DecisionKind kind() {
      return DecisionKind.TIMED_OUT;
    }
  }

  /** The service was down (an outage window). */
  record Unavailable() implements AuthzDecision {
    @Override
    public DecisionKind kind() {
      return DecisionKind.UNAVAILABLE;
    }
  }

  NotApplicable NOT_APPLICABLE = new NotApplicable();
  Overloaded OVERLOADED = new Overloaded();
  TimedOut TIMED_OUT = new TimedOut();
  Unavailable UNAVAILABLE = new Unavailable();

  /** Every kind of decision, in a fixed order for reports. */
  enum DecisionKind {
    PERMIT,
    DENY,
    INDETERMINATE,
    NOT_APPLICABLE,
    OVERLOADED,
    TIMED_OUT,
    UNAVAILABLE;

    /** Whether the service never reached a policy decision (overload, timeout, outage). */
    public boolean isRejection() {
      return this == OVERLOADED || this == TIMED_OUT || this == UNAVAILABLE;
    }
  }

  /** Why a request was denied. */
  enum DenyReason {
    BANNED_DN,
    BANNED_FQAN,
    BANNED_VO,
    /** The credential carries no VOMS attributes, so no VO vouches for the user. */
    UNKNOWN_USER
  }

  /** Why a request ended Indeterminate. */
  enum IndeterminateReason {
    /** EGI semantics are on and the request lacks the pilot credential. */
    MISSING_PILOT_CREDENTIAL,
    /** Every account of the VO's pool is already leased to another identity. */
    POOL_EXHAUSTED
  }
}
