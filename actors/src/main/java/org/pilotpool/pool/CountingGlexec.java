package org.pilotpool.pool;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.pilotpool.model.glexec.GlexecOperation;
import org.pilotpool.workernode.GlexecActor;
import org.pilotpool.workernode.GlexecCall;

/**
 * Sits in front of one node's glexec actor and tells the tally about every call made and every
 * result, or that the node's circuit breaker refused it, whoever the caller (starter, procd,
 * pilot); callers see the same protocol.
 */
public final class CountingGlexec {
  private CountingGlexec() {}

  /** What the tally hears. */
  public sealed interface Tally {}

  /** A call left for glexec. */
  public record Invoked(String node, String callId, GlexecOperation operation) implements Tally {}

  /**
   * A call came back.
   *
   * @param result glexec's exit status, {@code proxy-not-valid} when the helper did not call
   *     glexec, or {@code adapter:<failure>} when no status came back
   */
  public record Returned(String node, String callId, GlexecOperation operation, String result)
      implements Tally {}

  /**
   * The node's circuit breaker refused a call: glexec did not run, so the call counts as refused
   * instead of returned.
   */
  public record Refused(String node, String callId, GlexecOperation operation) implements Tally {}

  /** The result label of a call, as {@link Returned} carries it. */
  public static String resultOf(GlexecCall call) {
    if (call instanceof GlexecCall.Returned r) {
      return r.result().failure().map(f -> "adapter:" + f).orElse(
          String.valueOf(r.result().exitStatus()));
    }
    return "proxy-not-valid";
  }

  private record Back(GlexecCall call) {}

  public static Behavior<GlexecActor.Command> create(String node,
      ActorRef<GlexecActor.Command> glexec, ActorRef<Tally> tally) {
    return Behaviors.<Object>setup(ctx -> {
      Map<String, ActorRef<GlexecCall>> callers = new LinkedHashMap<>();
      ActorRef<GlexecCall> back = ctx.messageAdapter(GlexecCall.class, Back::new);
      return Behaviors.receive(Object.class)
          .onMessage(GlexecActor.Invoke.class, inv -> {
            callers.put(inv.callId(), inv.replyTo());
            tally.tell(new Invoked(node, inv.callId(), inv.invocation().operation()));
            glexec.tell(new GlexecActor.Invoke(inv.callId(), inv.invocation(), back));
            return Behaviors.same();
          })
          .onMessage(Back.class, b -> {
            GlexecCall call = b.call();
            if (call instanceof GlexecCall.BreakerOpen) {
              tally.tell(new Refused(node, call.callId(), call.invocation().operation()));
            } else {
              tally.tell(new Returned(node, call.callId(), call.invocation().operation(),
                  resultOf(call)));
            }
            ActorRef<GlexecCall> caller = callers.remove(call.callId());
            if (caller != null) {
              caller.tell(call);
            }
            return Behaviors.same();
          })
          .build();
    }).narrow();
  }
}
