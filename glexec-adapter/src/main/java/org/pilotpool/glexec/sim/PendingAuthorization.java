package org.pilotpool.glexec.sim;

import java.time.Instant;
import java.util.Objects;
import org.pilotpool.model.glexec.GlexecInvocation;

/**
 * A glexec call waiting for the site's reply: hand it back to
 * {@link SimulatedGlexec#onAuthzReply} with the reply.
 *
 * @param requestId the id of the request sent
 * @param invocation the call
 * @param startedAt when the call began
 */
public record PendingAuthorization(String requestId, GlexecInvocation invocation, Instant startedAt) {
  public PendingAuthorization {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(invocation, "invocation");
    Objects.requireNonNull(startedAt, "startedAt");
  }
}
