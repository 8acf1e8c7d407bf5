package org.pilotpool.starter;

import java.time.Instant;
import java.util.List;
import org.pilotpool.model.eventlog.JobId;

/** Things a starter did that a report counts, beside the job's own events. */
public sealed interface StarterEvent {
  JobId job();

  Instant time();

  /** A re-delegated proxy of another identity was refused; the old proxy stays in use. */
  record IdentityChangeRefused(JobId job, Instant time, String oldIdentity, String newIdentity)
      implements StarterEvent {}

  /** A re-delegated proxy was installed ({@code updated}) or its UPDATE_PROXY call failed. */
  record ProxyRefreshed(JobId job, Instant time, String identity, boolean updated)
      implements StarterEvent {}

  /** Kill calls failed: these processes may still run, out of the pool's control. */
  record ControlLost(JobId job, Instant time, List<Integer> pids) implements StarterEvent {
    public ControlLost {
      pids = List.copyOf(pids);
    }
  }

  /** The site denied the job at SETUP and, by our policy, the job is to avoid it. */
  record SiteDenied(JobId job, Instant time, String site) implements StarterEvent {}
}
