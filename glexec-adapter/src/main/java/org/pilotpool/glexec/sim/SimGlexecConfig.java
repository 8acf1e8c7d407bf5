package org.pilotpool.glexec.sim;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.pilotpool.model.input.BadInputException;

/**
 * How the worker nodes' glexec behaves in a simulation, site faults included. The switches named
 * "old behaviour" reproduce faults seen in production so that a scenario can compare them with
 * the fixed behaviour.
 *
 * @param semantics {@code glexec.sim.credential-semantics}: OSG or EGI
 * @param localLatency {@code glexec.sim.local-latency}: glexec's own processing before the
 *     authorization request and again before the command starts
 * @param linger {@code glexec.sim.linger}, glexec.conf {@code linger}: glexec waits for the
 *     command as its parent (remapping a command's 201-204 to 204) instead of exec-ing it
 * @param lingerPipeHang {@code glexec.sim.linger-pipe-hang}, old behaviour: with {@code linger}
 *     a lingering process keeps the job wrapper's socket open, so the starter waiting for EOF
 *     after a launch never sees it (HTCondor later replaced the socket before waiting)
 * @param x509UserProxyBug {@code glexec.sim.x509-user-proxy-bug}, old behaviour: under EGI the
 *     caller's {@code X509_USER_PROXY} points at the payload proxy, so the request carries the
 *     payload proxy where the pilot proxy belongs and the site denies it
 * @param brokenNodeFraction {@code glexec.sim.broken-node-fraction}: share of worker nodes, from
 *     0 to 1, whose local glexec wrapper scripts are broken; which nodes follows from the seed and
 *     the node id
 * @param nonSearchableDirectories {@code glexec.sim.non-searchable-directories}: absolute
 *     directories the mapped accounts cannot search, so no sandbox below them is reachable
 */
public record SimGlexecConfig(
    CredentialSemantics semantics,
    LatencyDistribution localLatency,
    boolean linger,
    boolean lingerPipeHang,
    boolean x509UserProxyBug,
    double brokenNodeFraction,
    List<String> nonSearchableDirectories) {

  public SimGlexecConfig {
    Objects.requireNonNull(semantics, "semantics");
    Objects.requireNonNull(localLatency, "localLatency");
    nonSearchableDirectories = List.copyOf(nonSearchableDirectories);
    if (!(brokenNodeFraction >= 0 && brokenNodeFraction <= 1)) {
      throw new BadInputException(null, 0, "glexec.sim.broken-node-fraction",
          "expected a fraction from 0 to 1, got " + brokenNodeFraction);
    }
    if (lingerPipeHang && !linger) {
      throw new BadInputException(null, 0, "glexec.sim.linger-pipe-hang",
          "the pipe hang needs glexec.sim.linger = true");
    }
    for (String dir : nonSearchableDirectories) {
      if (!dir.startsWith("/")) {
        throw new BadInputException(null, 0, "glexec.sim.non-searchable-directories",
            "expected absolute directories, got \"" + dir + "\"");
      }
    }
  }

  /**
   * A healthy OSG node: lingering glexec (the glexec tracking plugin behind the {@code glexec.mon}
   * log lines needs it) with the fixed socket handling, no faults, local latency log-normal with
   * median 30 ms (an assumption: no published figure).
   */
  public static SimGlexecConfig defaults() {
    return new SimGlexecConfig(CredentialSemantics.OSG,
        new LatencyDistribution.LogNormal(Duration.ofMillis(30), 0.5),
        true, false, false, 0.0, List.of());
  }
}
