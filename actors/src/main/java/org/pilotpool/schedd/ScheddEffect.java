package org.pilotpool.schedd;

import java.util.Objects;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.eventlog.JobEvent;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.job.Job;
import org.pilotpool.model.job.JobQueueEvent;

/** What the schedd asks of the world: messages to a slot's startd or starter, and events. */
public sealed interface ScheddEffect {
  /** The effects addressed to a slot's startd (and through it, its starter). */
  sealed interface ToSlot extends ScheddEffect {
    /** The slot's stable name. */
    String slot();
  }

  /** Claim the matched slot for this job (the startd answers with accept or refuse). */
  record RequestClaim(String slot, JobId job, ClassAd jobAd) implements ToSlot {}

  /** Start this job on the claimed slot: the startd spawns a starter (the shadow is running). */
  record ActivateClaim(String slot, Job job) implements ToSlot {
    public ActivateClaim {
      Objects.requireNonNull(slot, "slot");
      Objects.requireNonNull(job, "job");
    }
  }

  /**
   * Kill the job running on the slot: the starter kills the process family through the procd
   * (one glexec KILL per process) and then reports the exit.
   */
  record KillJob(String slot, JobId job, KillReason reason) implements ToSlot {}

  /** Give the claim back: the slot is no longer the schedd's. */
  record ReleaseClaim(String slot) implements ToSlot {}

  /** The job queue changed; serve mode persists these. */
  record QueueChanged(JobQueueEvent event) implements ScheddEffect {}

  /** An event for the HTCondor job event log (user log). */
  record UserLog(JobEvent event) implements ScheddEffect {}

  /** Why a running job is being killed. */
  enum KillReason {
    /** condor_rm or a periodic remove. */
    REMOVE,
    /** condor_hold or a periodic hold. */
    HOLD
  }
}
