package org.pilotpool.glexec.sim;

import org.pilotpool.model.authz.AuthzDecision;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.glexec.GlexecExitCode;
import org.pilotpool.model.glexec.GlexecInvocation;
import org.pilotpool.model.glexec.GlexecOperation;
import org.pilotpool.model.glexec.GlexecResult;
import org.pilotpool.model.retry.FailureCause;
import org.pilotpool.model.retry.HelperExit;

/**
 * One worker node's glexec in virtual time. Each input gives the next {@link GlexecStep}: a call
 * either ends locally, or asks the site authorization service and ends when the reply comes back
 * through {@link #onAuthzReply}. Holds the node's random stream and a request counter; no clock,
 * no messaging.
 *
 * <p>The order of checks follows the real chain (HTCondor's helper, then glexec's LCAS/LCMAPS,
 * then the identity switch and exec):
 * <ol>
 *   <li>an expired payload proxy: the helper refuses without calling glexec ({@link
 *       GlexecStep.ProxyNotValid}, -10000);
 *   <li>a node with broken local wrapper scripts: 202, without an authorization request. 202
 *       rather than 126: the scripts belong to the site's glexec installation and fail before
 *       LCAS/LCMAPS run, which glexec's code table files under local configuration and
 *       initialization failures (202); 126 says the requested command could not be executed,
 *       which would blame the payload's side for a site fault. The node answers 202 to every
 *       call, the pilot's validation calls included;
 *   <li>the authorization request (payload proxy; under EGI the pilot proxy too);
 *   <li>on Permit, the sandbox must be reachable by the mapped account: a non-searchable directory
 *       on its path gives 201 ("target location not accessible"). This comes after the request
 *       because glexec needs the mapped uid to test it, so the site pays for the call;
 *   <li>the command runs; its status comes back (in linger mode 201-204 become 204), except for
 *       a launch under the old linger pipe hang, which never completes for the caller.
 * </ol>
 * Every reply other than Permit ends the call with 203, as glexec reports a deny, a ban, a server
 * error, a 503 and an unreachable service alike; the step carries the reply's cause for callers
 * that know better.
 */
public final class SimulatedGlexec {
  private final String nodeId;
  private final SimGlexecConfig config;
  private final CommandModel commands;
  private final RandomGenerator random;
  private final boolean brokenWrappers;
  private long requestsSent;

  /**
   * @param nodeId the worker node's stable id
   * @param seed the simulation's master seed: with {@code nodeId} it decides whether the node is
   *     one of the broken ones, independently of creation order
   * @param random the node's own random stream, seeded from the master seed and {@code nodeId}
   */
  public SimulatedGlexec(
      String nodeId, long seed, SimGlexecConfig config, CommandModel commands, RandomGenerator random) {
    this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    this.config = Objects.requireNonNull(config, "config");
    this.commands = Objects.requireNonNull(commands, "commands");
    this.random = Objects.requireNonNull(random, "random");
    this.brokenWrappers = isBrokenNode(seed, nodeId, config.brokenNodeFraction());
  }

  public String nodeId() {
    return nodeId;
  }

  /** Whether this node is one of the configured share with broken local wrapper scripts. */
  public boolean hasBrokenWrappers() {
    return brokenWrappers;
  }

  /** A call of glexec begins at {@code now}. */
  public GlexecStep invoke(GlexecInvocation call, Instant now) {
    if (call.payloadProxy().expiredAt(now)) {
      return new GlexecStep.ProxyNotValid(HelperExit.PROXY_NOT_VALID_MESSAGE);
    }
    Duration local = config.localLatency().sample(random);
    if (brokenWrappers) {
      return new GlexecStep.Finish(local,
          GlexecResult.exited(GlexecExitCode.SYSTEM_ERROR.code(),
              "glexec: local wrapper script failed, LCAS/LCMAPS not initialized",
              Optional.empty(), local),
          FailureCause.NOT_KNOWN);
    }
    String requestId = nodeId + "#" + (++requestsSent);
    AuthzRequest request = new AuthzRequest(requestId, nodeId, call.operation(),
        call.payloadProxy(), secondCredential(call));
    return new GlexecStep.Authorize(local, request, new PendingAuthorization(requestId, call, now));
  }

  /** The site's reply to {@code pending} arrived at {@code now}. */
  public GlexecStep onAuthzReply(PendingAuthorization pending, AuthzDecision reply, Instant now) {
    Duration elapsed = Duration.between(pending.startedAt(), now);
    if (elapsed.isNegative()) {
      throw new IllegalArgumentException(
          "reply at " + now + " precedes the call at " + pending.startedAt());
    }
    Duration local = config.localLatency().sample(random);
    if (!(reply instanceof AuthzDecision.Permit permit)) {
      return new GlexecStep.Finish(local,
          GlexecResult.exited(GlexecExitCode.AUTHORIZATION_ERROR.code(), denialText(pending, reply),
              Optional.empty(), elapsed.plus(local)),
          reply.failureCause());
    }
    GlexecInvocation call = pending.invocation();
    String account = permit.account();
    Optional<String> blocking = blockingDirectory(call.workingDirectory());
    if (blocking.isPresent()) {
      return new GlexecStep.Finish(local,
          GlexecResult.exited(GlexecExitCode.CLIENT_ERROR.code(),
              "glexec: target location " + call.workingDirectory() + " not accessible to "
                  + account + ": " + blocking.get() + " is not searchable",
              Optional.of(account), elapsed.plus(local)),
          FailureCause.NOT_KNOWN);
    }
    if (call.operation() == GlexecOperation.LAUNCH && config.lingerPipeHang()) {
      return new GlexecStep.Hung(elapsed.plus(local), account);
    }
    CommandModel.Outcome outcome = commands.run(call, account, random);
    Duration after = local.plus(outcome.runtime());
    return new GlexecStep.Finish(after,
        GlexecResult.exited(visibleStatus(outcome.exitStatus()), outcome.stderr(),
            Optional.of(account), elapsed.plus(after)),
        FailureCause.NOT_KNOWN);
  }

  private Optional<ProxyCredential> secondCredential(GlexecInvocation call) {
    if (config.semantics() == CredentialSemantics.OSG) {
      return Optional.empty();
    }
    return Optional.of(config.x509UserProxyBug() ? call.payloadProxy() : call.pilotProxy());
  }

  private Optional<String> blockingDirectory(String workingDirectory) {
    for (String dir : config.nonSearchableDirectories()) {
      String prefix = dir.endsWith("/") ? dir : dir + "/";
      if (workingDirectory.equals(dir) || workingDirectory.startsWith(prefix)) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /** A lingering glexec remaps a command's 201-204 so that they cannot pass for its own codes. */
  private int visibleStatus(int commandStatus) {
    boolean collides = commandStatus >= 201 && commandStatus <= 204;
    return config.linger() && collides ? GlexecExitCode.PAYLOAD_CODE_COLLISION.code() : commandStatus;
  }

  private static String denialText(PendingAuthorization pending, AuthzDecision reply) {
    return "glexec: lcmaps: User \"" + pending.invocation().payloadProxy().identity() + "\" "
        + replyText(reply) + "; LCMAPS failed.";
  }

  private static String replyText(AuthzDecision reply) {
    if (reply instanceof AuthzDecision.Deny deny) {
      return "denied: " + deny.reason();
    }
    if (reply instanceof AuthzDecision.Indeterminate indeterminate) {
      return "decision Indeterminate: " + indeterminate.reason();
    }
    if (reply instanceof AuthzDecision.NotApplicable) {
      return "decision NotApplicable";
    }
    if (reply instanceof AuthzDecision.Overloaded) {
      return "authorization service answered HTTP 503";
    }
    if (reply instanceof AuthzDecision.TimedOut) {
      return "authorization service did not answer in time";
    }
    return "authorization service unreachable";
  }

  /**
   * Whether a node belongs to the broken share: a hash of (seed, node id) mapped to [0, 1), so
   * the choice depends on nothing else and is the same on every run and JVM.
   */
  static boolean isBrokenNode(long seed, String nodeId, double fraction) {
    long h = 0xcbf29ce484222325L ^ seed;
    for (byte b : nodeId.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    // SplitMix64's finalizer spreads FNV's weak low bits over the whole word.
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return (h >>> 11) * 0x1.0p-53 < fraction;
  }
}
