package org.pilotpool.replay;

import java.time.Instant;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The protocol between a replay and the pool it feeds: "submit this job now; tell me when it
 * starts and when it ends". Any pool that speaks it can be replayed against, from the
 * first-come-first-served stand-in {@link FcfsReplayPool} to an adapter in front of a full
 * schedd and negotiator. A pool answers every {@link Submit} with either {@link Rejected}, or
 * {@link Started} followed by {@link Ended}.
 */
public final class ReplayPool {
  private ReplayPool() {}

  /** What a pool hears from a replay. */
  public sealed interface Command permits Submit {}

  /** The job is submitted now; events about it go to {@code replyTo}. */
  public record Submit(ReplayJob job, ActorRef<JobEvent> replyTo) implements Command {
    public Submit {
      Objects.requireNonNull(job, "job");
      Objects.requireNonNull(replyTo, "replyTo");
    }
  }

  /** What a pool tells the replay about a job. */
  public sealed interface JobEvent permits Started, Ended, Rejected {
    ReplayJob job();
  }

  /** The job started running. */
  public record Started(ReplayJob job, Instant at, String slot) implements JobEvent {}

  /** The job ended; {@code started} repeats its start so that nobody needs to remember it. */
  public record Ended(ReplayJob job, Instant started, Instant ended, String slot) implements JobEvent {}

  /** The pool will never run the job. */
  public record Rejected(ReplayJob job, Instant at, String reason) implements JobEvent {}
}
