package org.pilotpool.starter;

import java.util.List;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.pilotpool.kernel.PoolContext;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.retry.RetryPolicy;
import org.pilotpool.procd.FamilyKillReport;
import org.pilotpool.procd.Procd;
import org.pilotpool.procd.ProcdLogic;
import org.pilotpool.workernode.GlexecActor;
import org.pilotpool.workernode.GlexecCall;

/**
 * The starter as a typed actor around {@link StarterLogic}: glexec calls to the node's glexec
 * actor, kills through its own procd, reports to its startd. It starts the job at once and stops
 * after its {@link StarterReport.Exited}.
 */
public final class Starter {
  private Starter() {}

  /** What the starter hears. */
  public sealed interface Command {}

  /** The schedd wants the job killed (remove or hold). */
  public enum Kill implements Command {
    INSTANCE
  }

  /** The slot is going away: evict the job back to the queue. */
  public record Evict(String reason) implements Command {
    public Evict {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A re-delegated proxy for the job reached the shadow. */
  public record ProxyDelegated(ProxyCredential proxy) implements Command {
    public ProxyDelegated {
      Objects.requireNonNull(proxy, "proxy");
    }
  }

  private record CallEnded(GlexecCall call) implements Command {}

  private record FamilyKilled(FamilyKillReport report) implements Command {}

  private record TimerFired(StarterTimer timer, int generation) implements Command {}

  /** A starter for one activation; it reports to {@code startd}. */
  public static Behavior<Command> create(StarterContext context, StarterConfig config,
      RetryPolicy policy, ActorRef<GlexecActor.Command> glexec, ActorRef<StarterReport> startd) {
    return Behaviors.setup(ctx -> {
      StarterLogic logic = new StarterLogic(config, context, policy,
          PoolContext.get(ctx.getSystem()).clock());
      StarterTimers timers = new StarterTimers(
          (delay, timer, generation) -> ctx.scheduleOnce(delay, ctx.getSelf(),
              new TimerFired(timer, generation)));
      Host host = new Host(ctx, timers, context, config, policy, glexec, startd,
          ctx.messageAdapter(GlexecCall.class, CallEnded::new));
      if (host.apply(logic.start())) {
        return Behaviors.stopped();
      }
      // One function and one signal handler rather than a builder's list of cases: a starter
      // lives for one job, and building that list cost more than dispatching the job's messages.
      return Behaviors.receive(
          (c, m) -> onMessage(m, logic, timers, host),
          (c, signal) -> {
            if (signal instanceof PostStop) {
              timers.cancelAll();
            }
            return Behaviors.same();
          });
    });
  }

  private static Behavior<Command> onMessage(Command m, StarterLogic logic, StarterTimers timers,
      Host host) {
    if (m instanceof CallEnded c) {
      return host.next(logic.glexecEnded(c.call()));
    } else if (m instanceof TimerFired t) {
      return timers.fired(t.timer(), t.generation())
          ? host.next(logic.timerFired(t.timer()))
          : Behaviors.same();
    } else if (m instanceof FamilyKilled f) {
      return host.next(logic.familyKilled(f.report()));
    } else if (m == Kill.INSTANCE) {
      return host.next(logic.kill());
    } else if (m instanceof Evict e) {
      return host.next(logic.evict(e.reason()));
    } else if (m instanceof ProxyDelegated p) {
      return host.next(logic.proxyDelegated(p.proxy()));
    }
    return Behaviors.unhandled();
  }

  /**
   * Carries out the logic's effects. The procd is spawned at the first kill: most jobs end by
   * themselves, and an actor per job that never hears anything would cost every job a spawn and
   * a stop.
   */
  private static final class Host {
    private final ActorContext<Command> ctx;
    private final StarterTimers timers;
    private final StarterContext context;
    private final StarterConfig config;
    private final RetryPolicy policy;
    private final ActorRef<GlexecActor.Command> glexec;
    private final ActorRef<StarterReport> startd;
    private final ActorRef<GlexecCall> replies;
    private ActorRef<Procd.Command> procd;
    private ActorRef<FamilyKillReport> killReports;

    Host(ActorContext<Command> ctx, StarterTimers timers, StarterContext context,
        StarterConfig config, RetryPolicy policy, ActorRef<GlexecActor.Command> glexec,
        ActorRef<StarterReport> startd, ActorRef<GlexecCall> replies) {
      this.ctx = ctx;
      this.timers = timers;
      this.context = context;
      this.config = config;
      this.policy = policy;
      this.glexec = glexec;
      this.startd = startd;
      this.replies = replies;
    }

    Behavior<Command> next(List<StarterEffect> effects) {
      return apply(effects) ? Behaviors.stopped() : Behaviors.same();
    }

    /** Returns whether the starter is to stop. */
    boolean apply(List<StarterEffect> effects) {
      boolean stop = false;
      for (StarterEffect e : effects) {
        if (e instanceof StarterEffect.Invoke i) {
          glexec.tell(new GlexecActor.Invoke(i.callId(), i.invocation(), replies));
        } else if (e instanceof StarterEffect.StartTimer t) {
          timers.start(t.timer(), t.delay());
        } else if (e instanceof StarterEffect.CancelTimer t) {
          timers.cancel(t.timer());
        } else if (e instanceof StarterEffect.KillFamily k) {
          procd().tell(new Procd.KillFamily(k.family(), k.proxy(), context.pilotProxy(),
              ProcdLogic.SIGKILL, killReports));
        } else if (e instanceof StarterEffect.Report r) {
          startd.tell(r.report());
        } else if (e instanceof StarterEffect.Stop) {
          timers.cancelAll();
          stop = true;
        }
      }
      return stop;
    }

    private ActorRef<Procd.Command> procd() {
      if (procd == null) {
        killReports = ctx.messageAdapter(FamilyKillReport.class, FamilyKilled::new);
        procd = ctx.spawn(Procd.create(config.killMode(), policy, context.callPrefix(), glexec),
            "procd");
      }
      return procd;
    }
  }
}
