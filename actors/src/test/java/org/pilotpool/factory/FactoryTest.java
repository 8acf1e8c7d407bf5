package org.pilotpool.factory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;
import org.pilotpool.authz.SiteAuthz;
import org.pilotpool.authz.SiteAuthzConfig;
import org.pilotpool.glexec.sim.CommandModel;
import org.pilotpool.glexec.sim.SimGlexecConfig;
import org.pilotpool.glexec.sim.SimulatedGlexec;
import org.pilotpool.kernel.PoolContext;
import org.pilotpool.kernel.ProgressListener;
import org.pilotpool.kernel.Simulation;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.glidein.EntryLimits;
import org.pilotpool.model.glidein.GlexecBin;
import org.pilotpool.model.glidein.GlideinErrorClass;
import org.pilotpool.model.glidein.GlideinSetup;
import org.pilotpool.model.glidein.NodeEnvironment;
import org.pilotpool.model.glidein.SiteDemand;
import org.pilotpool.pilot.Landing;
import org.pilotpool.pilot.PilotEvent;
import org.pilotpool.pilot.PilotTimes;
import org.pilotpool.pilot.TestSlots;
import org.pilotpool.pilot.WorkerNode;
import org.pilotpool.workernode.GlexecActor;

/** The factory in virtual time, against a fixed demand and sites of one worker node each. */
class FactoryTest {
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  private static final ProxyCredential PILOT_PROXY = new ProxyCredential("/tmp/x509up_u500",
      "/DC=org/DC=example/CN=pilot", List.of("/cms/Role=pilot/Capability=NULL"), EPOCH.plus(Duration.ofDays(7)));
  private static final PilotTimes TIMES = PilotTimes.of(Duration.ofHours(48), Duration.ofHours(36));

  /** A site for the test: its name, glexec binary, share of broken nodes and queue time. */
  private record Site(String name, GlexecBin bin, double broken, Duration queueTime) {}

  private record Submission(Instant at, String site) {}

  private record Outcome(List<Submission> submissions, List<PilotRecord> ledger) {}

  /** Runs a factory over {@code sites} for {@code length}; asks for its ledger one second before the end. */
  private static Outcome run(Optional<String> glexecUse, List<Site> sites, Map<String, SiteDemand> demand,
      Duration length, Function<FactoryEntry, FactoryEntry> tune) {
    List<Submission> submissions = new ArrayList<>();
    List<PilotRecord> ledger = new ArrayList<>();
    Behavior<Void> root = Behaviors.setup(ctx -> {
      PoolContext pool = PoolContext.get(ctx.getSystem());
      List<FactoryEntry> entries = new ArrayList<>();
      for (Site site : sites) {
        ActorRef<SiteAuthz.Command> authz = ctx.spawn(
            SiteAuthz.create(SiteAuthzConfig.defaults(), pool.clock(), pool.random("authz-" + site.name())),
            "authz-" + site.name());
        String nodeId = "wn-" + site.name();
        SimGlexecConfig config = new SimGlexecConfig(SimGlexecConfig.defaults().semantics(),
            SimGlexecConfig.defaults().localLatency(), true, false, false, site.broken(), List.of());
        ActorRef<GlexecActor.Command> glexec = ctx.spawn(GlexecActor.simulated(new SimulatedGlexec(nodeId,
            pool.streams().seed(), config, CommandModel.succeeding(), pool.random(nodeId)), authz, pool.clock(),
            Optional.empty()), nodeId);
        WorkerNode node = new WorkerNode(nodeId, glexec, NodeEnvironment.osgWithGlexec());
        SiteBatch batch = (pilotId, random) -> {
          submissions.add(new Submission(pool.clock().instant(), site.name()));
          return new Landing(site.queueTime(), node);
        };
        entries.add(tune.apply(FactoryEntry.of(site.name(), site.bin(), 2, TIMES, batch)));
      }
      ActorRef<DemandQuery> frontend = ctx.spawn(Behaviors.receive(DemandQuery.class).onAnyMessage(q -> {
        q.replyTo().tell(new DemandReport(demand));
        return Behaviors.same();
      }).build(), "frontend");
      ActorRef<Factory.Command> factory = ctx.spawn(Factory.create(
          FactoryConfig.of(glexecUse, PILOT_PROXY, entries), frontend, new TestSlots(null)), "factory");
      ActorRef<List<PilotRecord>> sink = ctx.spawn(Behaviors.<List<PilotRecord>>receive((c, m) -> {
        ledger.addAll(m);
        return Behaviors.same();
      }), "ledger-sink");
      ctx.spawn(Behaviors.<String>withTimers(timers -> {
        timers.startSingleTimer("ask", length.minusSeconds(1));
        return Behaviors.receive(String.class).onAnyMessage(m -> {
          factory.tell(new Factory.GetPilots(sink));
          return Behaviors.same();
        }).build();
      }), "probe");
      return Behaviors.empty();
    });
    Simulation.create(ConfigFactory.empty(), EPOCH).run(root, length, ProgressListener.NONE);
    return new Outcome(submissions, ledger);
  }

  private static long count(List<Submission> submissions, String site) {
    return submissions.stream().filter(s -> s.site().equals(site)).count();
  }

  @Test
  void theFactoryKeepsPendingGlideinsInProportionToDemandAndStopsWhenItIsMet() {
    List<Site> sites = List.of(new Site("Alpha", GlexecBin.OSG, 0, Duration.ofHours(2)),
        new Site("Beta", GlexecBin.OSG, 0, Duration.ofHours(2)),
        new Site("Gamma", GlexecBin.OSG, 0, Duration.ofHours(2)));
    Outcome outcome = run(Optional.of("OPTIONAL"), sites,
        Map.of("Alpha", new SiteDemand(40, 0), "Beta", new SiteDemand(20, 0)), Duration.ofMinutes(10), e -> e);

    assertEquals(20, count(outcome.submissions(), "Alpha"), "40 idle jobs / 2 slots per glidein");
    assertEquals(10, count(outcome.submissions(), "Beta"));
    assertEquals(0, count(outcome.submissions(), "Gamma"), "no demand, no glideins");
    assertTrue(outcome.submissions().stream().allMatch(s -> s.at().equals(EPOCH)),
        "all in the first cycle; the nine later cycles find the demand met by waiting glideins");
    assertEquals(30, outcome.ledger().size());
    assertTrue(outcome.ledger().stream().allMatch(r -> r.state() == PilotRecord.State.PENDING));
  }

  @Test
  void theSubmissionsPerCycleAreCappedAndTheRestFollowInLaterCycles() {
    Outcome outcome = run(Optional.empty(), List.of(new Site("Alpha", GlexecBin.OSG, 0, Duration.ofHours(2))),
        Map.of("Alpha", new SiteDemand(50, 0)), Duration.ofMinutes(4),
        e -> e.withLimits(new EntryLimits(2000, 10000, 10)));
    List<Instant> times = outcome.submissions().stream().map(Submission::at).toList();
    assertEquals(25, times.size());
    assertEquals(10, times.stream().filter(EPOCH::equals).count());
    assertEquals(10, times.stream().filter(EPOCH.plusSeconds(60)::equals).count());
    assertEquals(5, times.stream().filter(EPOCH.plusSeconds(120)::equals).count());
  }

  @Test
  void aRequiredGroupSubmitsNothingToAnEntryWithoutGlexec() {
    List<Site> sites = List.of(new Site("Alpha", GlexecBin.OSG, 0, Duration.ofHours(2)),
        new Site("NoGlexec", GlexecBin.NONE, 0, Duration.ofHours(2)));
    Outcome outcome = run(Optional.of("REQUIRED"), sites,
        Map.of("Alpha", new SiteDemand(4, 0), "NoGlexec", new SiteDemand(4, 0)), Duration.ofMinutes(3), e -> e);
    assertEquals(2, count(outcome.submissions(), "Alpha"));
    assertEquals(0, count(outcome.submissions(), "NoGlexec"));
  }

  @Test
  void theLedgerRecordsValidatedAndFailedGlideinsWithTheirErrorClass() {
    List<Site> sites = List.of(new Site("Healthy", GlexecBin.OSG, 0, Duration.ofMinutes(2)),
        new Site("Broken", GlexecBin.OSG, 1.0, Duration.ofMinutes(2)));
    Outcome outcome = run(Optional.of("REQUIRED"), sites,
        Map.of("Healthy", new SiteDemand(2, 0), "Broken", new SiteDemand(2, 0)), Duration.ofSeconds(150), e -> e);

    PilotRecord healthy = outcome.ledger().stream().filter(r -> r.site().equals("Healthy")).findFirst().orElseThrow();
    assertEquals(PilotRecord.State.RUNNING, healthy.state());
    assertInstanceOf(GlideinSetup.Enabled.class, healthy.setup().orElseThrow());
    assertEquals(Optional.of("wn-Healthy"), healthy.nodeId());

    List<PilotRecord> broken = outcome.ledger().stream().filter(r -> r.site().equals("Broken")).toList();
    PilotRecord failed = broken.get(0);
    assertEquals(PilotRecord.State.EXITED, failed.state());
    assertEquals(Optional.of(PilotEvent.ExitReason.SETUP_FAILED), failed.exitReason());
    GlideinSetup.Failed setup = assertInstanceOf(GlideinSetup.Failed.class, failed.setup().orElseThrow());
    assertEquals(GlideinErrorClass.WN_RESOURCE, setup.errorClass());
    assertFalse(failed.retiredAt().isPresent());
  }
}
