package org.pilotpool.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.eventlog.JobEvent;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.job.JobProfile;
import org.pilotpool.model.job.JobQueue;
import org.pilotpool.model.trace.TraceJob;
import org.pilotpool.replay.ReplayJob;
import org.pilotpool.replay.ReplayPool;
import org.pilotpool.schedd.JobSubmission;
import org.pilotpool.schedd.Schedd;

/**
 * A replay's pool that is the whole HTCondor pool: each trace job is submitted to the schedd,
 * negotiated, claimed, set up, launched and cleaned up through glexec like any other, and the
 * replay hears of it from the job event log (001 starts it, 005 ends it).
 *
 * <p>Trace users become pool users with a proxy of their own ({@code /DC=org/DC=pilotpool/CN=}
 * the user, the trace's VO as FQAN), valid for the whole replay. Slots have one core and the
 * site's memory, so a job asking for more of either is rejected at once rather than left idle. A job the pool holds (a glexec denial, say) ends the
 * replay's view of it at the hold: the trace recorded a finished job, and a held one will not
 * finish by itself.
 */
public final class HtcondorReplayPool {
  private HtcondorReplayPool() {}

  /** Far enough that no replay outlives its proxies. */
  private static final Instant PROXY_END = Instant.parse("2200-01-01T00:00:00Z");

  /** One site of {@code cores} slots ({@link SiteSpec#sizedFor}) with HTCondor's daemons. */
  public static PoolSpec spec(int cores) {
    SiteSpec site = SiteSpec.sizedFor("REPLAY", cores);
    ProxyCredential pilot = new ProxyCredential("x509up_pilot", "/DC=org/DC=pilotpool/CN=pilot",
        List.of("/pilotpool/Role=pilot/Capability=NULL"), PROXY_END);
    // Site stats are not part of a replay's results: take them beyond any replay's end.
    return PoolSpec.of(List.of(site), pilot, Duration.ofDays(36_500));
  }

  /** The replay's pool: {@code spec}'s pool behind the replay protocol. */
  public static Behavior<ReplayPool.Command> create(PoolSpec spec, PoolRecord record) {
    return Behaviors.setup(ctx -> {
      ActorRef<Pool.Command> pool = ctx.spawn(Pool.create(spec, record), "pool");
      long slotMemory = spec.sites().stream().mapToLong(SiteSpec::memoryPerSlotMb).max().orElse(0);
      ActorRef<Tracker.Command> tracker = ctx.spawn(Tracker.create(pool, slotMemory), "tracker");
      return Behaviors.receive(ReplayPool.Command.class)
          .onMessage(ReplayPool.Submit.class, s -> {
            tracker.tell(new Tracker.Track(s));
            return Behaviors.same();
          })
          .build();
    });
  }

  /** Follows each submitted job from its ids to its start and end. */
  static final class Tracker {
    sealed interface Command {}

    record Track(ReplayPool.Submit submit) implements Command {}

    private record Submitted(ReplayPool.Submit submit, Schedd.SubmitResult result) implements Command {}

    private record Logged(JobEvent event) implements Command {}

    private record Running(ReplayPool.Submit submit, Instant started, String slot) {}

    static Behavior<Command> create(ActorRef<Pool.Command> pool, long slotMemoryMb) {
      return Behaviors.setup(ctx -> {
        pool.tell(new Pool.WatchUserLog(ctx.messageAdapter(JobEvent.class, Logged::new)));
        Map<JobId, ReplayPool.Submit> waiting = new TreeMap<>(JobQueue.ORDER);
        Map<JobId, Running> running = new TreeMap<>(JobQueue.ORDER);
        return Behaviors.receive(Command.class)
            .onMessage(Track.class, t -> {
              ReplayJob job = t.submit().job();
              if (job.cpus() > 1) {
                t.submit().replyTo().tell(new ReplayPool.Rejected(job, now(ctx),
                    "asks for " + job.cpus() + " cores; the pool's slots have one"));
                return Behaviors.same();
              }
              long memory = job.trace().requestMemoryMb().orElse(0);
              if (memory > slotMemoryMb) {
                t.submit().replyTo().tell(new ReplayPool.Rejected(job, now(ctx),
                    "asks for " + memory + " MB; the pool's slots have " + slotMemoryMb));
                return Behaviors.same();
              }
              pool.tell(new Pool.SubmitFor(submission(job.trace()),
                  ctx.messageAdapter(Schedd.SubmitResult.class, r -> new Submitted(t.submit(), r))));
              return Behaviors.same();
            })
            .onMessage(Submitted.class, s -> {
              if (s.result() instanceof Schedd.Submitted ok) {
                ok.jobs().forEach(id -> waiting.put(id, s.submit()));
              } else {
                Schedd.Rejected no = (Schedd.Rejected) s.result();
                s.submit().replyTo().tell(new ReplayPool.Rejected(s.submit().job(), now(ctx), no.problem()));
              }
              return Behaviors.same();
            })
            .onMessage(Logged.class, l -> {
              JobEvent e = l.event();
              if (e instanceof JobEvent.Execute x && waiting.containsKey(x.job())) {
                ReplayPool.Submit submit = waiting.remove(x.job());
                String slot = x.slotName().orElse(x.executeHost());
                running.put(x.job(), new Running(submit, x.time(), slot));
                submit.replyTo().tell(new ReplayPool.Started(submit.job(), x.time(), slot));
              } else if ((e instanceof JobEvent.Terminated || e instanceof JobEvent.Held
                  || e instanceof JobEvent.Aborted) && running.containsKey(e.job())) {
                Running r = running.remove(e.job());
                r.submit().replyTo().tell(new ReplayPool.Ended(r.submit().job(), r.started(), e.time(), r.slot()));
              } else if ((e instanceof JobEvent.Held || e instanceof JobEvent.Aborted)
                  && waiting.containsKey(e.job())) {
                ReplayPool.Submit submit = waiting.remove(e.job());
                submit.replyTo().tell(new ReplayPool.Rejected(submit.job(), e.time(),
                    "held or removed before it ran"));
              }
              return Behaviors.same();
            })
            .build();
      });
    }

    private static Instant now(org.apache.pekko.actor.typed.javadsl.ActorContext<?> ctx) {
      return org.pilotpool.kernel.PoolContext.get(ctx.getSystem()).clock().instant();
    }

    private static JobSubmission submission(TraceJob job) {
      String user = job.user().isBlank() ? "unknown" : job.user();
      String vo = job.vo().filter(v -> !v.isBlank()).orElse("pilotpool");
      ProxyCredential proxy = new ProxyCredential("x509up_" + user, "/DC=org/DC=pilotpool/CN=" + user,
          List.of("/" + vo + "/Role=NULL/Capability=NULL"), PROXY_END);
      Duration run = Duration.ofNanos(Math.max(1_000_000L, Math.round(job.runSeconds() * 1e9)));
      return JobSubmission.of(user, 1, Optional.of(proxy), 1,
          job.requestMemoryMb().orElse(1), "true", new JobProfile(run, 1));
    }
  }
}
