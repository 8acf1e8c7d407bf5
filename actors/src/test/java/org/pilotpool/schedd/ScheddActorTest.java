package org.pilotpool.schedd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;
import org.pilotpool.kernel.PoolContext;
import org.pilotpool.kernel.ProgressListener;
import org.pilotpool.kernel.Simulation;
import org.pilotpool.model.eventlog.CpuUsage;
import org.pilotpool.model.eventlog.JobEvent;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.job.JobQueue;
import org.pilotpool.model.job.JobQueueEvent;

class ScheddActorTest {
  private static final Instant EPOCH = FakeScheddPort.EPOCH;

  /** Collects the schedd's journal. */
  private static final class Journal implements ScheddJournal {
    final List<JobQueueEvent> queue = new ArrayList<>();
    final List<JobEvent> log = new ArrayList<>();

    @Override
    public void queueChanged(JobQueueEvent event) {
      queue.add(event);
    }

    @Override
    public void userLog(JobEvent event) {
      log.add(event);
    }
  }

  private record Finish(Schedd.SlotRequest started) {}

  /** A startd for every slot: accepts claims, runs jobs for their run time, kills on request. */
  private static Behavior<Object> startd(List<Duration> killTimes) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      InstantSource clock = PoolContext.get(ctx.getSystem()).clock();
      return Behaviors.receiveMessage(msg -> {
        if (msg instanceof Finish f
            && f.started().request() instanceof ScheddEffect.ActivateClaim a) {
          f.started().schedd().tell(new Schedd.JobExited(a.job().id(), a.slot(),
              new ShadowOutcome.Completed(true, 0, CpuUsage.NONE)));
        } else if (msg instanceof Schedd.SlotRequest r) {
          ActorRef<Schedd.Command> schedd = r.schedd();
          if (r.request() instanceof ScheddEffect.RequestClaim c) {
            schedd.tell(new Schedd.ClaimResponse(c.slot(), true));
          } else if (r.request() instanceof ScheddEffect.ActivateClaim a) {
            schedd.tell(new Schedd.JobStarted(a.job().id(), a.slot(), "<10.0.0.2:9618>"));
            timers.startSingleTimer(a.slot(), new Finish(r), a.job().profile().runTime());
          } else if (r.request() instanceof ScheddEffect.KillJob k) {
            timers.cancel(k.slot());
            killTimes.add(Duration.between(EPOCH, clock.instant()));
            schedd.tell(new Schedd.JobExited(k.job(), k.slot(), new ShadowOutcome.Killed()));
          }
        }
        return Behaviors.same();
      });
    }));
  }

  private enum RemoveAll {
    INSTANCE
  }

  /**
   * Submits {@code jobs} procs for alice, lets a negotiator match each to its own slot, and,
   * when {@code removeAfter} is given, removes all of alice's jobs then.
   */
  private static Behavior<Object> pool(ScheddConfig config, int jobs, Journal journal,
      List<Duration> killTimes, Duration removeAfter) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      ActorRef<Schedd.Command> schedd = ctx.spawn(Schedd.create(config, journal), "schedd");
      ActorRef<Schedd.SlotRequest> startd =
          ctx.spawn(startd(killTimes), "startd").narrow();
      ActorRef<IdleJobs> negotiator = ctx.spawn(Behaviors.receive(IdleJobs.class)
          .onMessage(IdleJobs.class, idle -> {
            int n = 0;
            for (String owner : idle.bySubmitter().keySet()) {
              for (JobId id : idle.jobIds(owner)) {
                schedd.tell(new Schedd.MatchFound(id, ScheddFixture.slot("slot" + n++),
                    startd));
              }
            }
            return Behaviors.same();
          }).build(), "negotiator");
      ActorRef<Schedd.SubmitResult> submitter = ctx.spawn(Behaviors.receive(
          Schedd.SubmitResult.class).onAnyMessage(r -> {
            schedd.tell(new Schedd.GetIdleJobs(negotiator));
            return Behaviors.same();
          }).build(), "submitter");
      schedd.tell(new Schedd.Submit(ScheddFixture.submission("alice", jobs), submitter));
      if (removeAfter != null) {
        timers.startSingleTimer(RemoveAll.INSTANCE, removeAfter);
      }
      ActorRef<Schedd.ActionDone> ignore = ctx.spawn(Behaviors.ignore(), "cli");
      return Behaviors.receiveMessage(m -> {
        schedd.tell(new Schedd.Remove(new JobSelector.ByOwner("alice"), "via condor_rm",
            ignore));
        return Behaviors.same();
      });
    }));
  }

  private static void simulate(Behavior<Object> root, Duration duration) {
    Simulation.create(ConfigFactory.empty(), EPOCH).run(root, duration, ProgressListener.NONE);
  }

  @Test
  void submitsSentTogetherAreEachQueuedOrRefusedInTheirOrder() {
    Journal journal = new Journal();
    List<Schedd.SubmitResult> results = new ArrayList<>();
    JobSubmission bad = JobSubmission.of("bob", 1, Optional.empty(), 1, 1024, "Memory >=",
        ScheddFixture.PROFILE);
    simulate(Behaviors.setup(ctx -> {
      ActorRef<Schedd.Command> schedd =
          ctx.spawn(Schedd.create(ScheddConfig.defaults(), journal), "schedd");
      ActorRef<Schedd.SubmitResults> replies = ctx.spawn(
          Behaviors.receive(Schedd.SubmitResults.class).onAnyMessage(r -> {
            results.addAll(r.results());
            return Behaviors.same();
          }).build(), "submitter");
      schedd.tell(new Schedd.SubmitAll(List.of(ScheddFixture.submission("alice", 2), bad,
          ScheddFixture.submission("carol", 1)), replies));
      return Behaviors.ignore();
    }), Duration.ofMinutes(1));
    assertEquals(3, results.size());
    assertEquals(List.of(JobId.of(1, 0), JobId.of(1, 1)),
        ((Schedd.Submitted) results.get(0)).jobs());
    assertTrue(results.get(1) instanceof Schedd.Rejected, results.get(1).toString());
    assertEquals(List.of(JobId.of(2, 0)), ((Schedd.Submitted) results.get(2)).jobs());
  }

  @Test
  void submittedJobsRunToCompletionInVirtualTime() {
    Journal journal = new Journal();
    simulate(pool(ScheddConfig.defaults(), 5, journal, new ArrayList<>(), null),
        Duration.ofHours(2));
    Map<Integer, Long> codes = new TreeMap<>();
    journal.log.forEach(e -> codes.merge(e.code(), 1L, Long::sum));
    assertEquals(Map.of(0, 5L, 1, 5L, 5, 5L), codes);
    assertTrue(journal.log.stream().filter(e -> e.code() == 5)
        .allMatch(e -> e.time().equals(EPOCH.plus(ScheddFixture.PROFILE.runTime()))));
    assertEquals(0, JobQueue.replay(journal.queue).size());
  }

  @Test
  void massRemovalKillsAtThirtyPerSecondUnderGlideinWmsThrottle() {
    Journal journal = new Journal();
    List<Duration> kills = new ArrayList<>();
    simulate(pool(ScheddConfig.glideinWmsRecommended().withJobStart(Duration.ZERO, 1), 100,
        journal, kills, Duration.ofMinutes(10)), Duration.ofMinutes(20));
    Map<Duration, Integer> perInstant = new TreeMap<>();
    kills.forEach(t -> perInstant.merge(t, 1, Integer::sum));
    Duration tenMinutes = Duration.ofMinutes(10);
    assertEquals(Map.of(tenMinutes.plusSeconds(1), 30, tenMinutes.plusSeconds(2), 30,
        tenMinutes.plusSeconds(3), 30, tenMinutes.plusSeconds(4), 10), perInstant);
    assertEquals(100, journal.log.stream().filter(e -> e.code() == 9).count());
    assertEquals(0, JobQueue.replay(journal.queue).size());
  }
}
