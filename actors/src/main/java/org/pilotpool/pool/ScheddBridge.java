package org.pilotpool.pool;

import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.pilotpool.kernel.PoolContext;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.negotiation.Autocluster;
import org.pilotpool.model.negotiation.SubmitterQueue;
import org.pilotpool.negotiator.Negotiator;
import org.pilotpool.schedd.IdleJobs;
import org.pilotpool.schedd.Schedd;
import org.pilotpool.schedd.SlotMatch;

/**
 * Speaks the negotiator's schedd protocol for one schedd: registers with the negotiator, turns
 * {@code GetIdleJobs} into the schedd's own query and its answer into submitter queues with the
 * usage of the schedd's claims, passes matches on as the schedd's {@code MatchFound}, and passes
 * on the sites each job must avoid (our site-exclusion policy), which the schedd keeps in the
 * job's autocluster signature.
 */
public final class ScheddBridge {
  private ScheddBridge() {}

  /** What the bridge hears. */
  public sealed interface Command {}

  /** From now on, do not match {@code job} to slots of {@code site}. */
  public record ExcludeSite(JobId job, String site) implements Command {
    public ExcludeSite {
      Objects.requireNonNull(job, "job");
      Objects.requireNonNull(site, "site");
    }
  }

  private record FromNegotiator(Negotiator.ScheddMessage message) implements Command {}

  private record IdleJobsAnswered(IdleJobs jobs) implements Command {}

  private record Pending(long cycle, ActorRef<Negotiator.Command> replyTo) {}

  /**
   * @param name the schedd's stable name in the negotiator
   * @param claims the schedd's claims, whose usage goes with each answer to the negotiator
   */
  static Behavior<Command> create(String name, ActorRef<Schedd.Command> schedd,
      ActorRef<Negotiator.Command> negotiator, ClaimLedger claims) {
    return Behaviors.setup(ctx -> {
      InstantSource clock = PoolContext.get(ctx.getSystem()).clock();
      ActorRef<Negotiator.ScheddMessage> asSchedd =
          ctx.messageAdapter(Negotiator.ScheddMessage.class, FromNegotiator::new);
      ActorRef<IdleJobs> idleReplies = ctx.messageAdapter(IdleJobs.class, IdleJobsAnswered::new);
      negotiator.tell(new Negotiator.RegisterSchedd(name, asSchedd));
      ArrayDeque<Pending> waiting = new ArrayDeque<>();
      return Behaviors.receive(Command.class)
          .onMessage(ExcludeSite.class, m -> {
            schedd.tell(new Schedd.ExcludeSite(m.job(), m.site()));
            return Behaviors.same();
          })
          .onMessage(FromNegotiator.class, m -> {
            if (m.message() instanceof Negotiator.GetIdleJobs g) {
              waiting.addLast(new Pending(g.cycle(), g.replyTo()));
              schedd.tell(new Schedd.GetIdleJobs(Optional.of(g.significantIdentity()), g.slots(),
                  idleReplies));
            } else if (m.message() instanceof Negotiator.MatchFound f && f.startd().isPresent()) {
              schedd.tell(new Schedd.MatchFound(f.job(), new SlotMatch(f.slotName(), f.slotAd()),
                  slotRequests(f.startd().get())));
            }
            return Behaviors.same();
          })
          .onMessage(IdleJobsAnswered.class, m -> {
            Pending p = waiting.pollFirst();
            if (p != null) {
              p.replyTo().tell(new Negotiator.IdleJobs(name, p.cycle(),
                  queues(name, m.jobs()), claims.usage(clock.instant())));
            }
            return Behaviors.same();
          })
          .build();
    });
  }

  /**
   * One queue per submitter; the schedd's room under MAX_JOBS_RUNNING goes to the submitters in
   * name order, each taking as much of it as it has idle jobs.
   */
  private static List<SubmitterQueue> queues(String schedd, IdleJobs jobs) {
    List<SubmitterQueue> out = new ArrayList<>();
    long startable = jobs.startable();
    for (var e : jobs.bySubmitter().entrySet()) {
      if (startable <= 0) {
        break;
      }
      long idle = 0;
      for (Autocluster a : e.getValue()) {
        idle += a.count();
      }
      int max = (int) Math.min(idle, startable);
      startable -= max;
      out.add(new SubmitterQueue(schedd, e.getKey(), e.getValue(), max));
    }
    return out;
  }

  // Every startd in the pool advertises its Schedd.SlotRequest reference (Startd's contract).
  @SuppressWarnings("unchecked")
  private static ActorRef<Schedd.SlotRequest> slotRequests(ActorRef<?> startd) {
    return (ActorRef<Schedd.SlotRequest>) startd;
  }
}
