package org.pilotpool.startd;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.pilotpool.collector.Collector;
import org.pilotpool.kernel.PoolContext;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.schedd.Schedd;
import org.pilotpool.starter.Starter;
import org.pilotpool.starter.StarterReport;

/**
 * One slot's startd as a typed actor around {@link StartdLogic}. It advertises a
 * {@link Schedd.SlotRequest} reference to the collector, which the negotiator hands to the schedd
 * with each match; it answers the schedd that sent the last request, spawns a {@link Starter} per
 * activation and stops once the slot has left the pool.
 */
public final class Startd {
  private Startd() {}

  /** What the startd hears. */
  public sealed interface Command {}

  /** Retire: no new claims or jobs; leave once the running job is done and the claim is back. */
  public enum Retire implements Command {
    INSTANCE
  }

  /** Shut down now: evict the running job (004) and leave once the claim is back. */
  public record Shutdown(String reason) implements Command {
    public Shutdown {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A re-delegated proxy for {@code job}, passed to its starter if it runs here. */
  public record DelegateProxy(JobId job, ProxyCredential proxy) implements Command {}

  private record FromSchedd(Schedd.SlotRequest request) implements Command {}

  private record FromStarter(StarterReport report) implements Command {}

  /** The startd of the slot {@code wiring} describes; it advertises at once. */
  public static Behavior<Command> create(StartdWiring wiring) {
    return Behaviors.setup(ctx -> {
      StartdLogic logic = new StartdLogic(wiring.slot(), wiring.config(), wiring.pilotProxy(),
          PoolContext.get(ctx.getSystem()).clock());
      Host host = new Host(ctx, wiring,
          ctx.messageAdapter(Schedd.SlotRequest.class, FromSchedd::new),
          ctx.messageAdapter(StarterReport.class, FromStarter::new));
      host.apply(logic.start());
      return Behaviors.receive(Command.class)
          .onMessage(FromSchedd.class, m -> {
            host.schedd = m.request().schedd();
            return host.next(logic.fromSchedd(m.request().request()));
          })
          .onMessage(FromStarter.class, m -> host.next(logic.fromStarter(m.report())))
          .onMessageEquals(Retire.INSTANCE, () -> host.next(logic.retire()))
          .onMessage(Shutdown.class, m -> host.next(logic.shutdown(m.reason())))
          .onMessage(DelegateProxy.class,
              m -> host.next(logic.proxyDelegated(m.job(), m.proxy())))
          .build();
    });
  }

  /** Carries out the logic's effects. */
  private static final class Host {
    private final ActorContext<Command> ctx;
    private final StartdWiring wiring;
    /** Where schedds reach this slot, as each ad names it. */
    private final Optional<ActorRef<?>> claimRef;
    private final ActorRef<StarterReport> starterReports;
    private ActorRef<Schedd.Command> schedd;
    private ActorRef<Starter.Command> starter;
    private int starters;

    Host(ActorContext<Command> ctx, StartdWiring wiring, ActorRef<Schedd.SlotRequest> claimRef,
        ActorRef<StarterReport> starterReports) {
      this.ctx = ctx;
      this.wiring = wiring;
      this.claimRef = Optional.of(claimRef);
      this.starterReports = starterReports;
    }

    Behavior<Command> next(List<StartdEffect> effects) {
      return apply(effects) ? Behaviors.stopped() : Behaviors.same();
    }

    /** Returns whether the startd is to stop. */
    boolean apply(List<StartdEffect> effects) {
      boolean stop = false;
      for (StartdEffect e : effects) {
        if (e instanceof StartdEffect.Advertise a) {
          wiring.collector().tell(new Collector.UpdateSlotAd(wiring.slot().name(), a.ad(),
              claimRef));
        } else if (e instanceof StartdEffect.Invalidate i) {
          wiring.collector().tell(new Collector.InvalidateSlotAd(i.name()));
        } else if (e instanceof StartdEffect.ToSchedd s) {
          if (schedd != null) {
            schedd.tell(s.message());
          }
        } else if (e instanceof StartdEffect.SpawnStarter s) {
          starter = ctx.spawn(Starter.create(s.context(), wiring.starterConfig(),
              wiring.retryPolicy(), wiring.glexec(), starterReports), "starter-" + (++starters));
        } else if (e instanceof StartdEffect.ToStarter s) {
          if (starter != null) {
            starter.tell(s.message());
          }
        } else if (e instanceof StartdEffect.Observe o) {
          wiring.observer().observed(o.event(), ctx.getSelf());
        } else if (e instanceof StartdEffect.Stop) {
          stop = true;
        }
      }
      return stop;
    }
  }
}
