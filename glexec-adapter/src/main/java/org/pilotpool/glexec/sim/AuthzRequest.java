package org.pilotpool.glexec.sim;

import java.util.Objects;
import java.util.Optional;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.glexec.GlexecOperation;

/**
 * What a worker node's glexec asks the site authorization service (GUMS, Argus, SCAS).
 *
 * @param requestId unique per node, to match the reply
 * @param nodeId the stable id of the asking worker node
 * @param operation the glexec operation being authorized
 * @param subject the payload proxy ({@code GLEXEC_CLIENT_CERT}): DN and FQANs decide the mapping
 * @param pilot the second credential under {@link CredentialSemantics#EGI}, empty under OSG; with
 *     the old {@code X509_USER_PROXY} bug it is the payload proxy again
 */
public record AuthzRequest(
    String requestId,
    String nodeId,
    GlexecOperation operation,
    ProxyCredential subject,
    Optional<ProxyCredential> pilot) {
  public AuthzRequest {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(pilot, "pilot");
  }

  /**
   * Whether the request carries the payload's proxy where the pilot's belongs. An EGI site model
   * must deny such a request: Argus finds no pilot credential to authorize the identity switch.
   */
  public boolean pilotCredentialIsPayloads() {
    return pilot.isPresent() && pilot.get().equals(subject);
  }
}
