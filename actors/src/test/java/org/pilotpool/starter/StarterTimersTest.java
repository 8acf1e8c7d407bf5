package org.pilotpool.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;
import org.pilotpool.kernel.ProgressListener;
import org.pilotpool.kernel.Simulation;
import org.pilotpool.model.classad.Expr;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.job.Job;
import org.pilotpool.model.job.JobPolicies;
import org.pilotpool.model.job.JobProfile;
import org.pilotpool.model.retry.HtcondorRetryConfig;
import org.pilotpool.model.retry.HtcondorRetryPolicy;
import org.pilotpool.schedd.ShadowOutcome;
import org.pilotpool.workernode.GlexecActor;

/** The starter actor's timers, in virtual time. */
class StarterTimersTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration RUN = Duration.ofMinutes(10);
  private static final ProxyCredential PILOT = new ProxyCredential("/tmp/pilot", "/CN=pilot",
      List.of("/cms/Role=pilot"), T0.plus(Duration.ofDays(1)));
  private static final ProxyCredential ALICE = new ProxyCredential("/tmp/x509up_alice",
      "/CN=alice", List.of("/cms/Role=NULL/Capability=NULL"), T0.plus(Duration.ofDays(1)));

  /** What a starter reported when {@code action} reached it at {@code at}. */
  private static List<StarterReport> run(Duration at, Starter.Command action) {
    Job job = Job.submitted(JobId.of(1, 0), "alice", T0, Optional.of(ALICE), 1, 1024,
        Expr.parse("r", "true"), Optional.empty(), JobPolicies.NONE, new JobProfile(RUN, 1));
    StarterContext context = new StarterContext(job, "slot1@wn1", "siteA", "<wn1:9618>", PILOT,
        "/execute/dir_1", 1000, "slot1@wn1/1.0/1");
    List<StarterReport> reports = new ArrayList<>();
    Behavior<Void> root = Behaviors.setup(ctx -> {
      ActorRef<StarterReport> startd = ctx.spawn(Behaviors.receive(StarterReport.class)
          .onAnyMessage(r -> {
            reports.add(r);
            return Behaviors.same();
          }).build(), "startd");
      ActorRef<GlexecActor.Command> noGlexec = ctx.spawn(Behaviors.ignore(), "glexec");
      @SuppressWarnings("unchecked")
      ActorRef<Starter.Command>[] starter = new ActorRef[1];
      // Set before the starter sets its own timers: at the same instant it fires first.
      ctx.getSystem().scheduler().scheduleOnce(at, () -> starter[0].tell(action),
          ctx.getExecutionContext());
      starter[0] = ctx.spawn(Starter.create(context, StarterConfig.defaults().withGlexecJob(false),
          new HtcondorRetryPolicy(HtcondorRetryConfig.defaults(), new SplittableRandom(1)),
          noGlexec, startd), "starter");
      return Behaviors.empty();
    });
    Simulation.create(ConfigFactory.empty(), T0)
        .run(root, Duration.ofHours(1), ProgressListener.NONE);
    return reports;
  }

  private static ShadowOutcome exit(List<StarterReport> reports) {
    List<ShadowOutcome> exits = reports.stream().filter(r -> r instanceof StarterReport.Exited)
        .map(r -> ((StarterReport.Exited) r).outcome()).toList();
    assertEquals(1, exits.size(), "one exit in " + reports);
    return exits.get(0);
  }

  @Test
  void thePayloadEndsWhenItsTimeIsUp() {
    assertInstanceOf(ShadowOutcome.Completed.class,
        exit(run(RUN.plusSeconds(1), Starter.Kill.INSTANCE)));
  }

  @Test
  void aKillAtThePayloadsLastInstantWinsOverItsTimerAlreadySent() {
    // Both fire at the same instant, the kill first: the payload timer's message is already in
    // the mailbox when the kill cancels the timer. The job ends once, killed.
    assertInstanceOf(ShadowOutcome.Killed.class, exit(run(RUN, Starter.Kill.INSTANCE)));
  }

  @Test
  void anEvictionAtThePayloadsLastInstantRequeuesTheJob() {
    assertInstanceOf(ShadowOutcome.Requeued.class,
        exit(run(RUN, new Starter.Evict("glidein walltime reached"))));
  }
}
