package org.pilotpool.factory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.pilotpool.kernel.PoolContext;
import org.pilotpool.model.glidein.EntryState;
import org.pilotpool.model.glidein.FactoryLogic;
import org.pilotpool.model.glidein.FrontendMatch;
import org.pilotpool.model.glidein.GlideinAttributes;
import org.pilotpool.pilot.Landing;
import org.pilotpool.pilot.Pilot;
import org.pilotpool.pilot.PilotEvent;
import org.pilotpool.pilot.PilotSpec;
import org.pilotpool.pilot.SlotLauncher;

/**
 * The glidein factory as an actor. Every {@code cyclePeriod} (the first cycle at once) it sends a
 * {@link DemandQuery}; on the answer it submits glideins per {@link FactoryLogic} to each entry the
 * frontend group may use ({@link FrontendMatch}), spawning them as its children, and records what
 * they report in its {@link PilotLedger}.
 */
public final class Factory {
  private Factory() {}

  /** What the factory hears. */
  public sealed interface Command permits Cycle, DemandAnswered, PilotReported, GetPilots {}

  private enum Cycle implements Command {
    TICK
  }

  private record DemandAnswered(DemandReport report) implements Command {}

  private record PilotReported(PilotEvent event) implements Command {}

  /** Asks for every glidein submitted so far and how it fared. */
  public record GetPilots(ActorRef<List<PilotRecord>> replyTo) implements Command {
    public GetPilots {
      Objects.requireNonNull(replyTo, "replyTo");
    }
  }

  /**
   * @param demand answers the factory's {@link DemandQuery} each cycle
   * @param launcher starts the glideins' slots
   */
  public static Behavior<Command> create(FactoryConfig config, ActorRef<DemandQuery> demand, SlotLauncher launcher) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      timers.startTimerAtFixedRate(Cycle.TICK, Cycle.TICK, config.cyclePeriod());
      ctx.getSelf().tell(Cycle.TICK);
      return new State(ctx, config, demand, launcher).behavior();
    }));
  }

  private static final class State {
    private final ActorContext<Command> ctx;
    private final FactoryConfig config;
    private final ActorRef<DemandQuery> demand;
    private final SlotLauncher launcher;
    private final PoolContext pool;
    private final InstantSource clock;
    private final ActorRef<DemandReport> demandReplies;
    private final ActorRef<PilotEvent> pilotReports;
    private final PilotLedger ledger = new PilotLedger();
    private long submitted;

    State(ActorContext<Command> ctx, FactoryConfig config, ActorRef<DemandQuery> demand, SlotLauncher launcher) {
      this.ctx = ctx;
      this.config = config;
      this.demand = demand;
      this.launcher = launcher;
      this.pool = PoolContext.get(ctx.getSystem());
      this.clock = pool.clock();
      this.demandReplies = ctx.messageAdapter(DemandReport.class, DemandAnswered::new);
      this.pilotReports = ctx.messageAdapter(PilotEvent.class, PilotReported::new);
    }

    Behavior<Command> behavior() {
      return Behaviors.receive(Command.class)
          .onMessageEquals(Cycle.TICK, () -> {
            demand.tell(new DemandQuery(demandReplies));
            return Behaviors.same();
          })
          .onMessage(DemandAnswered.class, a -> {
            submit(a.report());
            return Behaviors.same();
          })
          .onMessage(PilotReported.class, r -> {
            ledger.record(r.event());
            return Behaviors.same();
          })
          .onMessage(GetPilots.class, g -> {
            g.replyTo().tell(ledger.records());
            return Behaviors.same();
          })
          .build();
    }

    private void submit(DemandReport report) {
      List<EntryState> states = new ArrayList<>();
      List<FactoryEntry> considered = new ArrayList<>();
      for (FactoryEntry entry : config.entries()) {
        if (!FrontendMatch.considers(config.glexecUse(), entry.glexecBin(), entry.requireGlideinGlexecUse())) {
          continue;
        }
        considered.add(entry);
        states.add(new EntryState(entry.site(), report.of(entry.site()),
            ledger.count(entry.site(), PilotRecord.State.PENDING),
            ledger.count(entry.site(), PilotRecord.State.RUNNING), entry.limits(), entry.slotsPerPilot()));
      }
      Map<String, Integer> plan = FactoryLogic.plan(states);
      for (FactoryEntry entry : considered) {
        for (int i = plan.get(entry.site()); i > 0; i--) {
          launch(entry);
        }
      }
    }

    private void launch(FactoryEntry entry) {
      String pilotId = "glidein_" + entry.site() + "_" + (++submitted);
      String workDir = entry.workDir() + "/glide_" + pilotId;
      GlideinAttributes attributes = new GlideinAttributes(config.glexecUse(), entry.glexecBin(),
          entry.requireGlideinGlexecUse(), entry.glexecJob(), entry.entryStart(), workDir + "/tmp");
      PilotSpec spec = new PilotSpec(pilotId, entry.site(), attributes, entry.slotsPerPilot(), entry.times(),
          config.pilotProxy(), workDir);
      Landing landing = entry.batch().place(pilotId, pool.random(pilotId + "/placement"));
      ledger.submitted(pilotId, entry.site(), clock.instant());
      // Site names come from user configuration; actor names allow only URL-safe characters.
      ctx.spawn(Pilot.create(spec, landing, launcher, pilotReports), URLEncoder.encode(pilotId, StandardCharsets.UTF_8));
    }
  }
}
