package org.pilotpool.schedd;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.job.JobQueue;
import org.pilotpool.model.negotiation.Autocluster;

/**
 * What the schedd offers the negotiator: its idle, unmatched jobs by submitter (owner), as
 * autoclusters in the order of their first jobs, and how many more jobs it could start under
 * MAX_JOBS_RUNNING.
 */
public record IdleJobs(SortedMap<String, List<Autocluster>> bySubmitter, int startable) {
  public IdleJobs {
    TreeMap<String, List<Autocluster>> copy = new TreeMap<>();
    bySubmitter.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    bySubmitter = Collections.unmodifiableSortedMap(copy);
  }

  /** The listed job ids of {@code submitter}, in submission order. */
  public List<JobId> jobIds(String submitter) {
    List<JobId> ids = new ArrayList<>();
    for (Autocluster a : bySubmitter.getOrDefault(submitter, List.of())) {
      ids.addAll(a.jobs());
    }
    ids.sort(JobQueue.ORDER);
    return ids;
  }
}
