package org.pilotpool.starter;

import java.util.Objects;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.schedd.ShadowOutcome;

/** What a starter tells its startd. */
public sealed interface StarterReport {
  JobId job();

  /** The payload began executing (the schedd writes 001). */
  record Started(JobId job, String executeHost) implements StarterReport {}

  /**
   * The starter is done: how the run ended, as the shadow tells the schedd.
   *
   * @param glexecCalls glexec calls made for the job, retries and kills included
   */
  record Exited(JobId job, ShadowOutcome outcome, int glexecCalls) implements StarterReport {
    public Exited {
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  /** Something to count (identity change, lost control, site denial). */
  record Noted(StarterEvent event) implements StarterReport {
    @Override
    public JobId job() {
      return event.job();
    }
  }
}
