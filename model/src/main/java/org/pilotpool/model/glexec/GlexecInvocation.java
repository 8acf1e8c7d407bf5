package org.pilotpool.model.glexec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pilotpool.model.credential.ProxyCredential;

/**
 * One call of glexec, real or simulated.
 *
 * @param operation why glexec is called
 * @param payloadProxy the payload user's proxy: {@code GLEXEC_CLIENT_CERT}, decides who is mapped
 * @param pilotProxy the pilot's own proxy: {@code X509_USER_PROXY}, the second credential EGI's
 *     Argus wants
 * @param command the payload command glexec runs as the mapped user
 * @param workingDirectory the sandbox the command runs in
 * @param input a file the caller streams into glexec's standard input, for calls that carry data
 *     rather than a tar stream (UPDATE_PROXY: the refreshed proxy); empty for the others
 */
public record GlexecInvocation(
    GlexecOperation operation,
    ProxyCredential payloadProxy,
    ProxyCredential pilotProxy,
    List<String> command,
    String workingDirectory,
    Optional<String> input) {
  public GlexecInvocation {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(payloadProxy, "payloadProxy");
    Objects.requireNonNull(pilotProxy, "pilotProxy");
    command = List.copyOf(command);
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    Objects.requireNonNull(input, "input");
  }

  /** A call with nothing on standard input. */
  public GlexecInvocation(
      GlexecOperation operation,
      ProxyCredential payloadProxy,
      ProxyCredential pilotProxy,
      List<String> command,
      String workingDirectory) {
    this(operation, payloadProxy, pilotProxy, command, workingDirectory, Optional.empty());
  }
}
