package org.pilotpool.schedd;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.pilotpool.kernel.PoolContext;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.input.BadInputException;

/**
 * The schedd as a Pekko typed actor: maps {@link ScheddLogic}'s port onto messages, timers and
 * the pool clock, and owns nothing else. The protocol with the other daemons is described in the
 * package documentation.
 */
public final class Schedd {
  private Schedd() {}

  /** Everything the schedd hears. */
  public sealed interface Command {}

  /** Submit a cluster; the reply lists the new job ids or says why the submit was rejected. */
  public record Submit(JobSubmission submission, ActorRef<SubmitResult> replyTo)
      implements Command {}

  /**
   * Several clusters in one message, each queued or refused on its own as if submitted alone and
   * in this order; the reply lists the results in the same order. A scripted load queues
   * thousands of clusters at one instant, and a message and a reply each would double its cost.
   */
  public record SubmitAll(List<JobSubmission> submissions, ActorRef<SubmitResults> replyTo)
      implements Command {
    public SubmitAll {
      submissions = List.copyOf(submissions);
    }
  }

  /** {@code condor_rm}. */
  public record Remove(JobSelector selector, String reason, ActorRef<ActionDone> replyTo)
      implements Command {}

  /** {@code condor_hold} (hold code 1, UserRequest). */
  public record Hold(JobSelector selector, String reason, ActorRef<ActionDone> replyTo)
      implements Command {}

  /** {@code condor_release}. */
  public record Release(JobSelector selector, String reason, ActorRef<ActionDone> replyTo)
      implements Command {}

  /**
   * Asks for the idle jobs by submitter and autocluster.
   *
   * @param significantIdentity the job identity attributes (lower case) the slots mention, from
   *     the negotiator; empty keeps the grouping the negotiator last asked for
   * @param maxIdsPerAutocluster the most job ids to list per autocluster
   */
  public record GetIdleJobs(Optional<Set<String>> significantIdentity, int maxIdsPerAutocluster,
      ActorRef<IdleJobs> replyTo) implements Command {
    public GetIdleJobs {
      significantIdentity = significantIdentity.map(Set::copyOf);
    }

    /** The current grouping, with no cap on the ids. */
    public GetIdleJobs(ActorRef<IdleJobs> replyTo) {
      this(Optional.empty(), Integer.MAX_VALUE, replyTo);
    }
  }

  /** From now on, do not offer {@code job} for slots of {@code site}. */
  public record ExcludeSite(JobId job, String site) implements Command {}

  /** The negotiator matched a job to a slot; {@code startd} is that slot's startd. */
  public record MatchFound(JobId job, SlotMatch slot, ActorRef<SlotRequest> startd)
      implements Command {}

  /** The startd accepted or refused a claim request. */
  public record ClaimResponse(String slot, boolean accepted) implements Command {}

  /** The starter began executing the job. */
  public record JobStarted(JobId job, String slot, String executeHost) implements Command {}

  /** The job's run on the slot ended (the shadow's exit, as the schedd sees it). */
  public record JobExited(JobId job, String slot, ShadowOutcome outcome) implements Command {}

  /** What a submit gives back. */
  public sealed interface SubmitResult {}

  /** The cluster is queued. */
  public record Submitted(List<JobId> jobs) implements SubmitResult {}

  /** The submit was refused; {@code problem} is the one-line reason. */
  public record Rejected(String problem) implements SubmitResult {}

  /** What a {@link SubmitAll} gives back: each submit's result, in the order sent. */
  public record SubmitResults(List<SubmitResult> results) {
    public SubmitResults {
      results = List.copyOf(results);
    }
  }

  /** The jobs a remove, hold or release acted on. */
  public record ActionDone(List<JobId> jobs) {}

  /** What the schedd sends a startd: the request and where to answer. */
  public record SlotRequest(ScheddEffect.ToSlot request, ActorRef<Command> schedd) {}

  private enum Tick implements Command {
    START_QUEUE(ScheddTimer.START_QUEUE),
    STOP_QUEUE(ScheddTimer.STOP_QUEUE),
    PERIODIC_EXPRS(ScheddTimer.PERIODIC_EXPRS);

    final ScheddTimer timer;

    Tick(ScheddTimer timer) {
      this.timer = timer;
    }

    static Tick of(ScheddTimer timer) {
      return switch (timer) {
        case START_QUEUE -> START_QUEUE;
        case STOP_QUEUE -> STOP_QUEUE;
        case PERIODIC_EXPRS -> PERIODIC_EXPRS;
      };
    }
  }

  private static SubmitResult submit(ScheddLogic logic, JobSubmission submission) {
    try {
      return new Submitted(logic.submit(submission));
    } catch (BadInputException e) {
      return new Rejected(e.oneLine());
    }
  }

  /** A schedd on the pool's clock that hands its events to {@code journal}. */
  public static Behavior<Command> create(ScheddConfig config, ScheddJournal journal) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      InstantSource clock = PoolContext.get(ctx.getSystem()).clock();
      // Only looked up.
      Map<String, ActorRef<SlotRequest>> startds = new HashMap<>();
      ScheddLogic logic = new ScheddLogic(config, clock,
          new ActorPort(timers, journal, startds, ctx.getSelf()));
      logic.start();
      return Behaviors.receive(Command.class)
          .onMessage(Submit.class, m -> {
            m.replyTo().tell(submit(logic, m.submission()));
            return Behaviors.same();
          })
          .onMessage(SubmitAll.class, m -> {
            List<SubmitResult> results = new ArrayList<>(m.submissions().size());
            for (JobSubmission submission : m.submissions()) {
              results.add(submit(logic, submission));
            }
            m.replyTo().tell(new SubmitResults(results));
            return Behaviors.same();
          })
          .onMessage(Remove.class, m -> {
            m.replyTo().tell(new ActionDone(logic.remove(m.selector(), m.reason())));
            return Behaviors.same();
          })
          .onMessage(Hold.class, m -> {
            m.replyTo().tell(new ActionDone(logic.hold(m.selector(), m.reason())));
            return Behaviors.same();
          })
          .onMessage(Release.class, m -> {
            m.replyTo().tell(new ActionDone(logic.release(m.selector(), m.reason())));
            return Behaviors.same();
          })
          .onMessage(GetIdleJobs.class, m -> {
            m.replyTo().tell(m.significantIdentity()
                .map(s -> logic.idleJobs(s, m.maxIdsPerAutocluster()))
                .orElseGet(() -> logic.idleJobs(m.maxIdsPerAutocluster())));
            return Behaviors.same();
          })
          .onMessage(ExcludeSite.class, m -> {
            logic.excludeSite(m.job(), m.site());
            return Behaviors.same();
          })
          .onMessage(MatchFound.class, m -> {
            startds.put(m.slot().slot(), m.startd());
            logic.matchFound(m.job(), m.slot());
            return Behaviors.same();
          })
          .onMessage(ClaimResponse.class, m -> {
            logic.claimResponse(m.slot(), m.accepted());
            return Behaviors.same();
          })
          .onMessage(JobStarted.class, m -> {
            logic.jobStarted(m.job(), m.slot(), m.executeHost());
            return Behaviors.same();
          })
          .onMessage(JobExited.class, m -> {
            logic.jobExited(m.job(), m.slot(), m.outcome());
            return Behaviors.same();
          })
          .onMessage(Tick.class, t -> {
            logic.timerFired(t.timer);
            return Behaviors.same();
          })
          .build();
    }));
  }

  /** The logic's port as timers, the journal and tells to startds. */
  private record ActorPort(TimerScheduler<Command> timers, ScheddJournal journal,
      Map<String, ActorRef<SlotRequest>> startds, ActorRef<Command> self) implements ScheddPort {
    @Override
    public void startTimer(ScheddTimer timer, Duration delay) {
      timers.startSingleTimer(timer, Tick.of(timer), delay);
    }

    @Override
    public void cancelTimer(ScheddTimer timer) {
      timers.cancel(timer);
    }

    @Override
    public void emit(ScheddEffect effect) {
      if (effect instanceof ScheddEffect.QueueChanged q) {
        journal.queueChanged(q.event());
      } else if (effect instanceof ScheddEffect.UserLog u) {
        journal.userLog(u.event());
      } else if (effect instanceof ScheddEffect.ToSlot request) {
        ActorRef<SlotRequest> startd = request instanceof ScheddEffect.ReleaseClaim
            ? startds.remove(request.slot()) : startds.get(request.slot());
        if (startd != null) {
          startd.tell(new SlotRequest(request, self));
        }
      }
    }
  }
}
