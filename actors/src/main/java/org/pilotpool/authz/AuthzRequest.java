package org.pilotpool.authz;

import java.util.List;
import java.util.Objects;
import org.pilotpool.model.credential.ProxyCredential;

/**
 * One authorization call as glexec's LCMAPS plugin sends it: the payload's DN and VOMS FQANs (first
 * one primary) and, where the caller has one, the pilot's DN ({@code null} when absent). EGI's
 * Argus chain sends both credentials; OSG's GUMS client sends only the payload's.
 */
public record AuthzRequest(
    String requestId, String identity, List<String> fqans, String pilotIdentity) {
  public AuthzRequest {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(identity, "identity");
    fqans = List.copyOf(fqans);
  }

  /** The VO of the primary FQAN ({@code /cms/Role=pilot} gives {@code cms}), or empty. */
  public String vo() {
    return ProxyCredential.voOf(fqans);
  }

  /** Whether a pilot credential came with the request. */
  public boolean hasPilotCredential() {
    return pilotIdentity != null && !pilotIdentity.isBlank();
  }
}
