package org.pilotpool.negotiator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;
import org.pilotpool.collector.Collector;
import org.pilotpool.kernel.PoolContext;
import org.pilotpool.kernel.ProgressListener;
import org.pilotpool.kernel.Simulation;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.negotiation.IdleJob;
import org.pilotpool.model.negotiation.SubmitterQueue;

class NegotiatorTest {
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration RUNTIME = Duration.ofSeconds(30);

  static ClassAd slot(String name, String state) {
    return new ClassAd()
        .set("Name", name)
        .set("State", state)
        .set("Cpus", 1)
        .set("Memory", 2000)
        .set("GLIDEIN_Site", "SiteA")
        .insert("START", "TARGET.RequestMemory <= MY.Memory");
  }

  static IdleJob job(int proc) {
    return new IdleJob(JobId.of(1, proc), new ClassAd()
        .set("ClusterId", 1)
        .set("ProcId", proc)
        .set("Owner", "alice")
        .set("RequestCpus", 1)
        .set("RequestMemory", 1000)
        .insert("Requirements", "TARGET.Memory >= MY.RequestMemory"));
  }

  private record JobDone(JobId job, String slot) {}

  /**
   * A schedd stand-in: offers its idle jobs, and for each match claims the slot (advertising it
   * Claimed, as the startd would), runs the job for {@link #RUNTIME}, then frees the slot.
   */
  private static Behavior<Object> fakeSchedd(
      int jobs, ActorRef<Collector.Command> collector, List<String> trace) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      InstantSource clock = PoolContext.get(ctx.getSystem()).clock();
      Map<JobId, IdleJob> idle = new LinkedHashMap<>();
      for (int p = 0; p < jobs; p++) {
        idle.put(JobId.of(1, p), job(p));
      }
      // Claims held now, and slot-seconds held up to the instant in since[0].
      int[] running = {0};
      double[] slotSeconds = {0};
      Instant[] since = {EPOCH};
      Runnable advance = () -> {
        slotSeconds[0] += running[0] * Duration.between(since[0], clock.instant()).toSeconds();
        since[0] = clock.instant();
      };
      return Behaviors.receive(Object.class)
          .onMessage(Negotiator.GetIdleJobs.class, m -> {
            advance.run();
            m.replyTo().tell(new Negotiator.IdleJobs("schedd1", m.cycle(),
                List.of(new SubmitterQueue("schedd1", "alice", List.copyOf(idle.values()))),
                new TreeMap<>(Map.of("alice", new Negotiator.Usage(running[0], slotSeconds[0])))));
            return Behaviors.same();
          })
          .onMessage(Negotiator.MatchFound.class, m -> {
            trace.add(m.job().clusterProc() + "@" + m.slotName() + "@"
                + Duration.between(EPOCH, clock.instant()).toSeconds());
            idle.remove(m.job());
            collector.tell(new Collector.UpdateSlotAd(slot(m.slotName(), "Claimed")));
            advance.run();
            running[0]++;
            timers.startSingleTimer(new JobDone(m.job(), m.slotName()), RUNTIME);
            return Behaviors.same();
          })
          .onMessage(JobDone.class, m -> {
            collector.tell(new Collector.UpdateSlotAd(slot(m.slot(), "Unclaimed")));
            advance.run();
            running[0]--;
            return Behaviors.same();
          })
          .build();
    }));
  }

  private static void run(Duration length, int jobs, List<String> slotNames, List<String> invalidated,
      List<String> trace, List<Negotiator.NegotiatorStats> stats) {
    Behavior<Object> root = Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      ActorRef<Collector.Command> collector = ctx.spawn(Collector.create(), "collector");
      for (String name : slotNames) {
        collector.tell(new Collector.UpdateSlotAd(slot(name, "Unclaimed")));
      }
      for (String name : invalidated) {
        collector.tell(new Collector.InvalidateSlotAd(name));
      }
      ActorRef<Negotiator.Command> negotiator =
          ctx.spawn(Negotiator.create(NegotiatorSettings.defaults(), collector), "negotiator");
      ActorRef<Object> schedd = ctx.spawn(fakeSchedd(jobs, collector, trace), "schedd1");
      negotiator.tell(new Negotiator.RegisterSchedd("schedd1", schedd.narrow()));
      timers.startSingleTimer("ask", "ask", length.minusSeconds(1));
      return Behaviors.receive(Object.class)
          .onMessageEquals("ask", () -> {
            negotiator.tell(new Negotiator.GetCycleStats(ctx.getSelf().narrow()));
            return Behaviors.same();
          })
          .onMessage(Negotiator.NegotiatorStats.class, s -> {
            stats.add(s);
            return Behaviors.stopped();
          })
          .build();
    }));
    Simulation.create(ConfigFactory.empty(), EPOCH).run(root, length, ProgressListener.NONE);
  }

  @Test
  void fakeScheddGetsMatchesEverySixtySeconds() {
    List<String> trace = new ArrayList<>();
    List<Negotiator.NegotiatorStats> stats = new ArrayList<>();
    run(Duration.ofSeconds(200), 5, List.of("slot1@a", "slot2@a"), List.of(), trace, stats);
    assertEquals(List.of(
        "1.0@slot1@a@60", "1.1@slot2@a@60",
        "1.2@slot1@a@120", "1.3@slot2@a@120",
        "1.4@slot1@a@180"), trace);
    Negotiator.NegotiatorStats s = stats.get(0);
    assertEquals(3, s.cycles());
    assertEquals(5, s.totalMatches());
    assertEquals(1, s.lastCycle().orElseThrow().matches());
    assertEquals("alice", s.priorities().get(0).submitter());
    assertEquals(1.0, s.priorities().get(0).resourcesUsed());
  }

  @Test
  void invalidatedSlotIsNotMatched() {
    List<String> trace = new ArrayList<>();
    List<Negotiator.NegotiatorStats> stats = new ArrayList<>();
    run(Duration.ofSeconds(70), 2, List.of("slot1@a", "slot2@a"), List.of("slot1@a"), trace, stats);
    assertEquals(List.of("1.0@slot2@a@60"), trace);
    assertEquals(1, stats.get(0).lastCycle().orElseThrow().unclaimedSlots());
  }
}
