package org.pilotpool.schedd;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.eventlog.JobId;

/**
 * What the schedd offers the negotiator: its idle, unmatched jobs by submitter (owner), each in
 * queue order with its ad, and how many more jobs it could start under MAX_JOBS_RUNNING.
 */
public record IdleJobs(SortedMap<String, List<IdleJob>> bySubmitter, int startable) {
  public IdleJobs {
    TreeMap<String, List<IdleJob>> copy = new TreeMap<>();
    bySubmitter.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    bySubmitter = Collections.unmodifiableSortedMap(copy);
  }

  /** One idle job and its ad (a fresh ad the receiver may keep). */
  public record IdleJob(JobId id, ClassAd ad) {}
}
