package org.pilotpool.procd;

import java.util.List;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.retry.RetryPolicy;
import org.pilotpool.workernode.GlexecActor;
import org.pilotpool.workernode.GlexecCall;

/** The procd as a typed actor around {@link ProcdLogic}: glexec calls out, retries on timers. */
public final class Procd {
  private Procd() {}

  /** What the procd hears. */
  public sealed interface Command {}

  /** Kill the family with {@code signal}, authorized by {@code proxy}; the report goes to replyTo. */
  public record KillFamily(ProcessFamily family, ProxyCredential proxy,
      ProxyCredential pilotProxy, int signal, ActorRef<FamilyKillReport> replyTo)
      implements Command {
    public KillFamily {
      Objects.requireNonNull(family, "family");
      Objects.requireNonNull(proxy, "proxy");
      Objects.requireNonNull(pilotProxy, "pilotProxy");
      Objects.requireNonNull(replyTo, "replyTo");
    }
  }

  private record CallEnded(GlexecCall call) implements Command {}

  private record RetryDue(int pid) implements Command {}

  /**
   * A procd for one job on one node.
   *
   * @param callPrefix makes its glexec call ids unique on the node
   */
  public static Behavior<Command> create(KillMode mode, RetryPolicy policy, String callPrefix,
      ActorRef<GlexecActor.Command> glexec) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      // Named up front: Pekko would otherwise walk the stack for it at the first timer message.
      ctx.setLoggerName(Procd.class);
      Host host = new Host(new ProcdLogic(mode, policy, callPrefix), timers, glexec,
          ctx.messageAdapter(GlexecCall.class, CallEnded::new));
      return Behaviors.receive(Command.class)
          .onMessage(KillFamily.class, m -> {
            host.replyTo = m.replyTo();
            return host.apply(host.logic.kill(m.family(), m.proxy(), m.pilotProxy(),
                m.signal()));
          })
          .onMessage(CallEnded.class, m -> host.apply(host.logic.callEnded(m.call())))
          .onMessage(RetryDue.class, m -> host.apply(host.logic.retryDue(m.pid())))
          .build();
    }));
  }

  /** Carries out the logic's effects; remembers whom the current kill reports to. */
  private static final class Host {
    final ProcdLogic logic;
    final TimerScheduler<Command> timers;
    final ActorRef<GlexecActor.Command> glexec;
    final ActorRef<GlexecCall> replies;
    ActorRef<FamilyKillReport> replyTo;

    Host(ProcdLogic logic, TimerScheduler<Command> timers, ActorRef<GlexecActor.Command> glexec,
        ActorRef<GlexecCall> replies) {
      this.logic = logic;
      this.timers = timers;
      this.glexec = glexec;
      this.replies = replies;
    }

    Behavior<Command> apply(List<ProcdEffect> effects) {
      for (ProcdEffect e : effects) {
        if (e instanceof ProcdEffect.Invoke i) {
          glexec.tell(new GlexecActor.Invoke(i.callId(), i.invocation(), replies));
        } else if (e instanceof ProcdEffect.RetryAfter r) {
          timers.startSingleTimer(r.pid(), new RetryDue(r.pid()), r.delay());
        } else if (e instanceof ProcdEffect.Done d) {
          replyTo.tell(d.report());
        }
      }
      return Behaviors.same();
    }
  }
}
