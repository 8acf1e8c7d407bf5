package org.pilotpool.model.job;

import java.time.Instant;
import java.util.Objects;
import org.pilotpool.model.classad.Expr;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.eventlog.JobId;

/**
 * A change to the schedd's job queue, in the past tense. Every change the schedd makes is one of
 * these, so a log of them is the queue: {@link JobQueue#apply} replays them, and serve mode can
 * persist them as they happen and rebuild the queue after a restart.
 *
 * <p>Runtime state that HTCondor does not keep in the queue either (shadows, claims, the action
 * queues) is not here.
 */
public sealed interface JobQueueEvent {
  /** When the change happened. */
  Instant time();

  /** The job changed. */
  JobId job();

  /** A job entered the queue, idle. */
  record JobSubmitted(Instant time, Job submitted) implements JobQueueEvent {
    public JobSubmitted {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(submitted, "submitted");
    }

    @Override
    public JobId job() {
      return submitted.id();
    }
  }

  /** A shadow was started for the job on a claimed slot: Idle to Running. */
  record JobActivated(Instant time, JobId job, String slot) implements JobQueueEvent {}

  /** The job began executing on the worker node ({@code NumJobStarts} + 1). */
  record JobBeganExecution(Instant time, JobId job) implements JobQueueEvent {}

  /**
   * The job's shadow went away without finishing the job and the job is idle again; when
   * {@code shadowException}, {@code NumShadowExceptions} + 1.
   */
  record JobRequeued(Instant time, JobId job, boolean shadowException) implements JobQueueEvent {}

  /** The job was put on hold. */
  record JobHeld(Instant time, JobId job, Hold hold) implements JobQueueEvent {}

  /** A held job was released: Held to Idle. */
  record JobReleased(Instant time, JobId job, String reason) implements JobQueueEvent {}

  /** The job was removed; it stays in the queue (status 3) until its shadow is gone. */
  record JobRemoved(Instant time, JobId job, String reason) implements JobQueueEvent {}

  /** The job ran to its end (status 4). */
  record JobCompleted(Instant time, JobId job, boolean normal, int exitValue)
      implements JobQueueEvent {}

  /** A removed or completed job left the queue for the history. */
  record JobLeftQueue(Instant time, JobId job) implements JobQueueEvent {}

  /** An attribute the job record does not carry itself was set. */
  record AttributeSet(Instant time, JobId job, String name, Expr value) implements JobQueueEvent {}

  /** The job's proxy was refreshed (re-delegated); only its expiration reaches the ad. */
  record ProxyRefreshed(Instant time, JobId job, ProxyCredential proxy) implements JobQueueEvent {}

}
