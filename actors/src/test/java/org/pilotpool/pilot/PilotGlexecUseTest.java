package org.pilotpool.pilot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.pilotpool.model.glidein.GlexecBin;
import org.pilotpool.model.glidein.GlideinAttributes;
import org.pilotpool.model.glidein.GlideinErrorClass;
import org.pilotpool.model.glidein.GlideinSetup;
import org.pilotpool.model.glidein.NodeEnvironment;
import org.pilotpool.workernode.GlexecActor;

/**
 * A glidein with each GLIDEIN_Glexec_Use on a site whose glexec works and on one whose glexec
 * wrappers are broken on every node, in virtual time against the site's authorization service.
 */
class PilotGlexecUseTest {
  static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  static final ProxyCredential PILOT_PROXY = new ProxyCredential("/tmp/x509up_u500", "/DC=org/DC=example/CN=pilot",
      List.of("/cms/Role=pilot/Capability=NULL"), EPOCH.plus(Duration.ofDays(7)));
  static final PilotTimes TIMES = PilotTimes.of(Duration.ofHours(48), Duration.ofHours(36));

  /** What one glidein did. */
  record Run(List<PilotEvent> events, TestSlots slots) {
    GlideinSetup setup() {
      return events.stream().filter(e -> e instanceof PilotEvent.SetupEnded).map(e -> ((PilotEvent.SetupEnded) e).setup())
          .findFirst().orElseThrow();
    }

    PilotEvent.Exited exit() {
      return events.stream().filter(e -> e instanceof PilotEvent.Exited).map(e -> (PilotEvent.Exited) e)
          .findFirst().orElseThrow();
    }
  }

  static PilotSpec spec(String use, int slots, PilotTimes times) {
    return new PilotSpec("glidein_1", "Example", GlideinAttributes.of(Optional.ofNullable(use), GlexecBin.OSG,
        "/scratch/glide_1/tmp"), slots, times, PILOT_PROXY, "/scratch/glide_1");
  }

  /**
   * One site (authz service and one OSG worker node) and one glidein on it, landing after ten
   * minutes in the queue; runs for {@code length}.
   */
  static Run run(PilotSpec spec, double brokenNodeFraction, TestSlots slots, Duration length) {
    List<PilotEvent> events = new ArrayList<>();
    Behavior<Void> root = Behaviors.setup(ctx -> {
      PoolContext pool = PoolContext.get(ctx.getSystem());
      ActorRef<SiteAuthz.Command> authz =
          ctx.spawn(SiteAuthz.create(SiteAuthzConfig.defaults(), pool.clock(), pool.random("site-authz")), "authz");
      SimGlexecConfig glexecConfig = new SimGlexecConfig(SimGlexecConfig.defaults().semantics(),
          SimGlexecConfig.defaults().localLatency(), true, false, false, brokenNodeFraction, List.of());
      SimulatedGlexec logic = new SimulatedGlexec("wn0", pool.streams().seed(), glexecConfig,
          CommandModel.succeeding(), pool.random("wn0"));
      ActorRef<GlexecActor.Command> glexec =
          ctx.spawn(GlexecActor.simulated(logic, authz, pool.clock(), Optional.empty()), "wn0");
      ActorRef<PilotEvent> factory = ctx.spawn(Behaviors.receive(PilotEvent.class).onAnyMessage(e -> {
        events.add(e);
        return Behaviors.same();
      }).build(), "factory");
      Landing landing = new Landing(Duration.ofMinutes(10), new WorkerNode("wn0", glexec, NodeEnvironment.osgWithGlexec()));
      ctx.spawn(Pilot.create(spec, landing, slots, factory), spec.pilotId());
      return Behaviors.empty();
    });
    Simulation.create(ConfigFactory.empty(), EPOCH).run(root, length, ProgressListener.NONE);
    return new Run(events, slots);
  }

  static Run run(String use, double brokenNodeFraction) {
    return run(spec(use, 4, TIMES), brokenNodeFraction, new TestSlots(Duration.ofMinutes(5)), Duration.ofHours(1));
  }

  @Test
  void neverOnABrokenGlexecSiteRunsItsSlotsWithoutGlexec() {
    Run run = run("NEVER", 1.0);
    assertInstanceOf(GlideinSetup.Disabled.class, run.setup());
    assertEquals(4, run.slots().launched().size());
    run.slots().launched().forEach(r -> assertFalse(r.useGlexec(), r.slotName()));
  }

  @Test
  void optionalOnABrokenGlexecSiteFailsTheGlideinWithWnResourceAndStartsNoSlot() {
    Run run = run("OPTIONAL", 1.0);
    GlideinSetup.Failed failed = assertInstanceOf(GlideinSetup.Failed.class, run.setup());
    assertEquals(GlideinErrorClass.WN_RESOURCE, failed.errorClass());
    assertTrue(failed.message().contains("nonzero value 202"), failed.message());
    assertEquals(List.of(), run.slots().launched());
    assertEquals(PilotEvent.ExitReason.SETUP_FAILED, run.exit().reason());
  }

  @Test
  void requiredOnABrokenGlexecSiteFailsTheGlideinWithWnResourceAndStartsNoSlot() {
    Run run = run("REQUIRED", 1.0);
    GlideinSetup.Failed failed = assertInstanceOf(GlideinSetup.Failed.class, run.setup());
    assertEquals(GlideinErrorClass.WN_RESOURCE, failed.errorClass());
    assertEquals(List.of(), run.slots().launched());
    assertEquals(PilotEvent.ExitReason.SETUP_FAILED, run.exit().reason());
    assertEquals(EPOCH.plus(Duration.ofMinutes(10)), run.exit().at().truncatedTo(ChronoUnit.MINUTES),
        "it leaves right after landing");
  }

  @Test
  void neverOnAHealthySiteStartsItsSlotsWithoutGlexec() {
    Run run = run("NEVER", 0.0);
    assertInstanceOf(GlideinSetup.Disabled.class, run.setup());
    assertEquals(4, run.slots().launched().size());
    run.slots().launched().forEach(r -> assertFalse(r.useGlexec(), r.slotName()));
  }

  @Test
  void optionalOnAHealthySiteValidatesGlexecAndStartsItsSlotsWithIt() {
    Run run = run("OPTIONAL", 0.0);
    GlideinSetup.Enabled enabled = assertInstanceOf(GlideinSetup.Enabled.class, run.setup());
    assertEquals("/usr/sbin/glexec", enabled.glexecPath());
    assertEquals(4, run.slots().launched().size());
    run.slots().launched().forEach(r -> assertTrue(r.useGlexec(), r.slotName()));
    assertEquals("True", run.slots().launched().get(0).setup().condorConfig().get("GLEXEC_JOB"));
  }

  @Test
  void requiredOnAHealthySiteValidatesGlexecAndStartsItsSlotsWithIt() {
    Run run = run("REQUIRED", 0.0);
    assertInstanceOf(GlideinSetup.Enabled.class, run.setup());
    assertEquals(List.of("slot1@glidein_1@wn0", "slot2@glidein_1@wn0", "slot3@glidein_1@wn0", "slot4@glidein_1@wn0"),
        run.slots().launched().stream().map(SlotRequest::slotName).toList());
    run.slots().launched().forEach(r -> assertTrue(r.useGlexec(), r.slotName()));
  }

  @Test
  void validationTakesTheTwoTestsRoundTripsToTheSiteBeforeTheSlotsStart() {
    Run run = run("REQUIRED", 0.0);
    Instant landed = EPOCH.plus(Duration.ofMinutes(10));
    Instant started = run.slots().launchedAt().get(0);
    assertTrue(started.isAfter(landed), "slots start after the validation calls: " + started);
    assertTrue(started.isBefore(landed.plusSeconds(30)), "and without undue delay: " + started);
  }
}
