package org.pilotpool.authz;

import org.pilotpool.model.authz.AuthzDecision;

import java.util.Objects;

/** The site authorization service's answer to one {@link AuthzRequest}. */
public record AuthzReply(String requestId, AuthzDecision decision) {
  public AuthzReply {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(decision, "decision");
  }
}
