package org.pilotpool.workernode;

import org.pilotpool.model.glexec.GlexecOperation;

/**
 * What a node's glexec actor tells whoever counts its calls: every call made and how each ended,
 * whoever the caller (starter, procd, pilot).
 */
public sealed interface GlexecTally {

  /** A call reached the node's glexec. */
  record Invoked(String node, String callId, GlexecOperation operation) implements GlexecTally {}

  /**
   * A call came back.
   *
   * @param result glexec's exit status, {@code proxy-not-valid} when the helper did not call
   *     glexec, or {@code adapter:<failure>} when no status came back
   */
  record Returned(String node, String callId, GlexecOperation operation, String result)
      implements GlexecTally {}

  /**
   * The node's circuit breaker refused a call: glexec did not run, so the call counts as refused
   * instead of returned.
   */
  record Refused(String node, String callId, GlexecOperation operation) implements GlexecTally {}

  /** The result label of a call, as {@link Returned} carries it. */
  static String resultOf(GlexecCall call) {
    if (call instanceof GlexecCall.Returned r) {
      return r.result().failure().map(f -> "adapter:" + f).orElse(
          String.valueOf(r.result().exitStatus()));
    }
    return "proxy-not-valid";
  }
}
