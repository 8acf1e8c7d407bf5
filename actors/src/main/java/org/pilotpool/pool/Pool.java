package org.pilotpool.pool;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.pilotpool.authz.SiteAuthz;
import org.pilotpool.authz.SiteAuthzStats;
import org.pilotpool.collector.Collector;
import org.pilotpool.factory.DemandQuery;
import org.pilotpool.factory.Factory;
import org.pilotpool.factory.FactoryConfig;
import org.pilotpool.factory.FactoryEntry;
import org.pilotpool.factory.SiteBatch;
import org.pilotpool.glexec.sim.CommandModel;
import org.pilotpool.glexec.sim.SimulatedGlexec;
import org.pilotpool.kernel.PoolContext;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.eventlog.JobEvent;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.job.JobQueueEvent;
import org.pilotpool.model.retry.BreakerTransition;
import org.pilotpool.model.retry.CircuitBreaker;
import org.pilotpool.model.retry.RetryPolicy;
import org.pilotpool.negotiator.Negotiator;
import org.pilotpool.pilot.Landing;
import org.pilotpool.pilot.WorkerNode;
import org.pilotpool.schedd.JobSubmission;
import org.pilotpool.schedd.Schedd;
import org.pilotpool.schedd.ScheddJournal;
import org.pilotpool.startd.SlotEvent;
import org.pilotpool.startd.SlotObserver;
import org.pilotpool.startd.SlotSpec;
import org.pilotpool.startd.Startd;
import org.pilotpool.startd.StartdWiring;
import org.pilotpool.starter.StarterEvent;
import org.pilotpool.workernode.GlexecActor;
import org.pilotpool.workernode.GlexecTally;

/**
 * The pool assembled in one root behaviour: schedd, collector, negotiator (bridged to the schedd
 * by {@link ScheddBridge}), per site an authorization service and its worker nodes' simulated
 * glexec (each with its own circuit breaker when the spec asks for one), and the sites' static
 * slots; when a site's slots come from glideins, the factory with one entry per such site, the
 * frontend's demand ({@link PilotDemand}) and the host of the glideins' slots
 * ({@link PilotSlots}). It carries out the spec's scheduled actions and those a driver sends.
 * Everything worth reporting goes into a {@link PoolRecord}, handed over by the schedd, the
 * glexec nodes and the startds in their own turns.
 */
public final class Pool {
  private Pool() {}

  /** The schedd's stable name in the negotiator. */
  public static final String SCHEDD_NAME = "schedd@submit";

  /** What the root hears. */
  public sealed interface Command {}

  /** Carry out an action now (a driver's way in). */
  public record Act(PoolAction action) implements Command {
    public Act {
      Objects.requireNonNull(action, "action");
    }
  }

  /** Submit and tell {@code replyTo} the job ids the schedd gave (or why it refused). */
  public record SubmitFor(JobSubmission submission, ActorRef<Schedd.SubmitResult> replyTo)
      implements Command {
    public SubmitFor {
      Objects.requireNonNull(submission, "submission");
      Objects.requireNonNull(replyTo, "replyTo");
    }
  }

  /** Send {@code listener} every job event the schedd writes to the user log from now on. */
  public record WatchUserLog(ActorRef<JobEvent> listener) implements Command {
    public WatchUserLog {
      Objects.requireNonNull(listener, "listener");
    }
  }

  /** The timeline's next actions are due. */
  private enum ActionsDue implements Command {
    INSTANCE
  }

  private enum CollectStats implements Command {
    INSTANCE
  }

  private record BreakerMoved(BreakerTransition transition) implements Command {}

  private record StatsTaken(String site, SiteAuthzStats stats) implements Command {}

  private record SubmitsAnswered(Schedd.SubmitResults answer) implements Command {}

  private enum Ignored implements Command {
    INSTANCE
  }

  /**
   * Spawns one slot's startd: the function static slots use here and pilots use for the slots
   * they bring.
   */
  public static ActorRef<Startd.Command> spawnStartd(ActorContext<?> ctx, StartdWiring wiring) {
    return ctx.spawn(Startd.create(wiring), "startd-" + wiring.slot().name());
  }

  /** The root behaviour; {@code record} receives what the run produces. */
  public static Behavior<Command> create(PoolSpec spec, PoolRecord record) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      PoolContext pool = PoolContext.get(ctx.getSystem());
      InstantSource clock = pool.clock();
      Instant start = clock.instant();
      // The schedd and the glexec nodes hand their events straight to the record, as they
      // emit them: a message to this actor for each would be a quarter of all messages in a run,
      // and the record sees the events in the same order either way.
      List<ActorRef<JobEvent>> userLogWatchers = new CopyOnWriteArrayList<>();
      ScheddJournal journal = new ScheddJournal() {
        @Override
        public void queueChanged(JobQueueEvent event) {
          record.queueChanged(event);
        }

        @Override
        public void userLog(JobEvent event) {
          record.userLog(event);
          userLogWatchers.forEach(w -> w.tell(event));
        }
      };
      ActorRef<Collector.Command> collector = ctx.spawn(Collector.create(), "collector");
      ActorRef<Schedd.Command> schedd = ctx.spawn(Schedd.create(spec.schedd(), journal), "schedd");
      ActorRef<Negotiator.Command> negotiator =
          ctx.spawn(Negotiator.create(spec.negotiator(), collector), "negotiator");
      ClaimLedger claims = new ClaimLedger();
      ActorRef<ScheddBridge.Command> bridge = ctx.spawn(
          ScheddBridge.create(SCHEDD_NAME, schedd, negotiator, claims), "schedd-bridge");
      // The startds, too, hand their events over in their own turn; this actor only looks the
      // running jobs up when it re-delegates a proxy.
      Map<JobId, ActorRef<Startd.Command>> runningOn = new ConcurrentHashMap<>();
      SlotObserver observer = (event, startd) -> {
        record.slotEvent(event);
        if (event instanceof SlotEvent.Claimed c) {
          claims.claimed(c.slot(), c.owner(), c.time());
        } else if (event instanceof SlotEvent.Released r) {
          claims.released(r.slot(), r.time());
        } else if (event instanceof SlotEvent.Activated a) {
          runningOn.put(a.job(), startd);
        } else if (event instanceof SlotEvent.Ended e) {
          runningOn.remove(e.job());
        } else if (event instanceof SlotEvent.Noted n
            && n.event() instanceof StarterEvent.SiteDenied d) {
          bridge.tell(new ScheddBridge.ExcludeSite(d.job(), d.site()));
        }
      };
      Consumer<GlexecTally> tally = t -> record.glexecTallied(t, clock.instant());
      ActorRef<BreakerTransition> breakers =
          ctx.messageAdapter(BreakerTransition.class, BreakerMoved::new);

      Map<String, ActorRef<SiteAuthz.Command>> authz = new TreeMap<>();
      Map<String, List<ActorRef<Startd.Command>>> slotsBySite = new TreeMap<>();
      List<FactoryEntry> entries = new ArrayList<>();
      for (SiteSpec site : spec.sites()) {
        ActorRef<SiteAuthz.Command> service = ctx.spawn(
            SiteAuthz.create(site.authz(), clock, pool.random("authz/" + site.name())),
            "authz-" + site.name());
        authz.put(site.name(), service);
        List<ActorRef<Startd.Command>> slots = new ArrayList<>();
        List<WorkerNode> pilotNodes = new ArrayList<>();
        for (int n = 1; n <= site.nodes(); n++) {
          String node = "wn" + n + "." + site.name();
          SimulatedGlexec logic = new SimulatedGlexec(node, pool.streams().seed(), site.glexec(),
              CommandModel.succeeding(), pool.random("glexec/" + node));
          Optional<CircuitBreaker> breaker = spec.breaker()
              .map(config -> new CircuitBreaker(site.name(), config, breakers::tell));
          ActorRef<GlexecActor.Command> glexec = ctx.spawn(
              GlexecActor.simulated(logic, service, clock, Optional.empty(), breaker,
                  tally),
              "glexec-" + node);
          if (site.pilots().isPresent()) {
            pilotNodes.add(new WorkerNode(node, glexec, site.pilots().get().nodeEnvironment()));
            continue;
          }
          RetryPolicy retry = spec.retryPolicy(pool.random("retry/" + node));
          for (int s = 1; s <= site.slotsPerNode(); s++) {
            SlotSpec slot = new SlotSpec("slot" + s + "@" + node, site.name(), node, 1,
                site.memoryPerSlotMb(), "<" + node + ":9618>");
            slots.add(spawnStartd(ctx, new StartdWiring(slot, spec.startd(), spec.starter(),
                retry, glexec, collector, spec.pilotProxy(), observer)));
          }
        }
        slotsBySite.put(site.name(), slots);
        site.pilots().ifPresent(p -> entries.add(entry(site, p, pilotNodes)));
      }
      if (!entries.isEmpty()) {
        startFactory(ctx, spec, entries, schedd, collector, observer);
      }
      Timeline timeline = new Timeline(spec.actions());
      timeline.next().ifPresent(at -> timers.startSingleTimer(ActionsDue.INSTANCE, at));
      timers.startSingleTimer(CollectStats.INSTANCE, spec.statsAt());

      Root root = new Root(ctx, schedd, authz, slotsBySite, runningOn);
      return Behaviors.receive(Command.class)
          .onMessage(Act.class, m -> root.act(m.action()))
          .onMessage(SubmitFor.class, m -> {
            schedd.tell(new Schedd.Submit(m.submission(), m.replyTo()));
            return Behaviors.same();
          })
          .onMessage(WatchUserLog.class, m -> {
            userLogWatchers.add(m.listener());
            return Behaviors.same();
          })
          .onMessageEquals(ActionsDue.INSTANCE, () -> {
            Duration now = Duration.between(start, clock.instant());
            root.actAll(timeline.dueBy(now));
            timeline.next().ifPresent(
                at -> timers.startSingleTimer(ActionsDue.INSTANCE, at.minus(now)));
            return Behaviors.same();
          })
          .onMessage(BreakerMoved.class, m -> {
            record.breakerMoved(m.transition());
            return Behaviors.same();
          })
          .onMessageEquals(CollectStats.INSTANCE, () -> {
            authz.forEach((site, service) -> service.tell(new SiteAuthz.GetStats(
                ctx.messageAdapter(SiteAuthzStats.class, s -> new StatsTaken(site, s)))));
            return Behaviors.same();
          })
          .onMessage(StatsTaken.class, m -> {
            record.siteStats(m.site(), m.stats());
            return Behaviors.same();
          })
          .onMessage(SubmitsAnswered.class, m -> {
            for (Schedd.SubmitResult result : m.answer().results()) {
              if (result instanceof Schedd.Rejected r) {
                record.submitRejected(r.problem());
              }
            }
            return Behaviors.same();
          })
          .onMessageEquals(Ignored.INSTANCE, Behaviors::same)
          .build();
    }));
  }

  /**
   * The glidein factory's entry for a site whose slots come from glideins: the frontend's
   * matching and the glidein's setup see the entry's {@code GLEXEC_BIN}; a glidein waits the
   * entry's queue time and lands on one of the site's nodes, drawn from its own random stream.
   */
  private static FactoryEntry entry(SiteSpec site, Provisioning.Pilots pilots,
      List<WorkerNode> nodes) {
    List<WorkerNode> batchNodes = List.copyOf(nodes);
    SiteBatch batch = (pilotId, random) ->
        new Landing(pilots.queueTime(), batchNodes.get(random.nextInt(batchNodes.size())));
    return FactoryEntry.of(site.name(), pilots.glexecBin(), pilots.slotsPerPilot(),
        pilots.times(), batch).withLimits(pilots.limits());
  }

  /**
   * The factory, with the frontend's {@code GLIDEIN_Glexec_Use}, the demand it asks each cycle
   * and the host of the slots its glideins bring.
   */
  private static void startFactory(ActorContext<Command> ctx, PoolSpec spec,
      List<FactoryEntry> entries, ActorRef<Schedd.Command> schedd,
      ActorRef<Collector.Command> collector, SlotObserver observer) {
    Map<String, ClassAd> siteAds = new TreeMap<>();
    Map<String, Long> memory = new TreeMap<>();
    for (SiteSpec site : spec.sites()) {
      if (site.pilots().isPresent()) {
        siteAds.put(site.name(),
            DemandCount.siteAd(site.name(), site.memoryPerSlotMb(), spec.startd().start()));
        memory.put(site.name(), site.memoryPerSlotMb());
      }
    }
    ActorRef<PilotSlots.Command> host = ctx.spawn(PilotSlots.create(new PilotSlots.Shared(
        spec.startd(), spec.starter(), spec::retryPolicy, collector, observer)), "glidein-slots");
    ActorRef<DemandQuery> demand =
        ctx.spawn(PilotDemand.create(siteAds, schedd, collector), "frontend-demand");
    FactoryConfig config = FactoryConfig.of(Optional.of(spec.glexecUse().name()),
        spec.pilotProxy(), entries);
    ctx.spawn(Factory.create(config, demand, PilotSlots.launcher(host, memory)), "factory");
  }

  /** The root's state beside the record: who runs what, and where to send actions. */
  private static final class Root {
    private final ActorRef<Schedd.Command> schedd;
    private final Map<String, ActorRef<SiteAuthz.Command>> authz;
    private final Map<String, List<ActorRef<Startd.Command>>> slotsBySite;
    /** Where each running job runs, as the startds report it. Only looked up. */
    private final Map<JobId, ActorRef<Startd.Command>> runningOn;
    private final ActorRef<Schedd.SubmitResults> submitReplies;
    private final ActorRef<Schedd.ActionDone> actionReplies;

    Root(ActorContext<Command> ctx, ActorRef<Schedd.Command> schedd,
        Map<String, ActorRef<SiteAuthz.Command>> authz,
        Map<String, List<ActorRef<Startd.Command>>> slotsBySite,
        Map<JobId, ActorRef<Startd.Command>> runningOn) {
      this.schedd = schedd;
      this.authz = authz;
      this.slotsBySite = slotsBySite;
      this.runningOn = runningOn;
      this.submitReplies = ctx.messageAdapter(Schedd.SubmitResults.class, SubmitsAnswered::new);
      this.actionReplies = ctx.messageAdapter(Schedd.ActionDone.class, d -> Ignored.INSTANCE);
    }

    /**
     * Carries out actions due together, in order; consecutive submits go to the schedd as one
     * message, which queues them in the same order.
     */
    void actAll(List<PoolAction> actions) {
      List<JobSubmission> submits = new ArrayList<>();
      for (PoolAction action : actions) {
        if (action instanceof PoolAction.Submit s) {
          submits.add(s.submission());
          continue;
        }
        submitAll(submits);
        act(action);
      }
      submitAll(submits);
    }

    private void submitAll(List<JobSubmission> submits) {
      if (!submits.isEmpty()) {
        schedd.tell(new Schedd.SubmitAll(submits, submitReplies));
        submits.clear();
      }
    }

    Behavior<Command> act(PoolAction action) {
      if (action instanceof PoolAction.Submit s) {
        schedd.tell(new Schedd.SubmitAll(List.of(s.submission()), submitReplies));
      } else if (action instanceof PoolAction.Remove r) {
        schedd.tell(new Schedd.Remove(r.selector(), r.reason(), actionReplies));
      } else if (action instanceof PoolAction.Hold h) {
        schedd.tell(new Schedd.Hold(h.selector(), h.reason(), actionReplies));
      } else if (action instanceof PoolAction.Release r) {
        schedd.tell(new Schedd.Release(r.selector(), r.reason(), actionReplies));
      } else if (action instanceof PoolAction.Ban b) {
        site(b.site()).tell(new SiteAuthz.Ban(b.target()));
      } else if (action instanceof PoolAction.Unban u) {
        site(u.site()).tell(new SiteAuthz.Unban(u.target()));
      } else if (action instanceof PoolAction.DelegateProxy d) {
        ActorRef<Startd.Command> startd = runningOn.get(d.job());
        if (startd != null) {
          startd.tell(new Startd.DelegateProxy(d.job(), d.proxy()));
        }
      } else if (action instanceof PoolAction.RetireSite r) {
        slotsBySite.getOrDefault(r.site(), List.of()).forEach(s -> s.tell(Startd.Retire.INSTANCE));
      } else if (action instanceof PoolAction.ShutdownSite s) {
        slotsBySite.getOrDefault(s.site(), List.of())
            .forEach(slot -> slot.tell(new Startd.Shutdown(s.reason())));
      }
      return Behaviors.same();
    }

    private ActorRef<SiteAuthz.Command> site(String name) {
      ActorRef<SiteAuthz.Command> service = authz.get(name);
      if (service == null) {
        throw new IllegalArgumentException("no site named " + name);
      }
      return service;
    }
  }
}
