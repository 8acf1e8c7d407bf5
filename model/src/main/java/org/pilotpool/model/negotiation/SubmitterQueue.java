package org.pilotpool.model.negotiation;

import java.util.List;

/**
 * One submitter's idle jobs at one schedd, as autoclusters: HTCondor's submitter ad plus the jobs
 * it would hand out. The negotiator offers them in submission order (cluster, then proc: the
 * schedd has no job priorities), merging the clusters' id lists.
 *
 * @param schedd the schedd's stable name; matches go back there
 * @param submitter the accounting name (HTCondor's {@code user@uid_domain})
 * @param autoclusters the submitter's idle jobs
 * @param maxMatches the most matches the schedd takes for this submitter in one cycle (its room
 *     under MAX_JOBS_RUNNING)
 */
public record SubmitterQueue(String schedd, String submitter, List<Autocluster> autoclusters,
    int maxMatches) {
  public SubmitterQueue {
    autoclusters = List.copyOf(autoclusters);
    if (maxMatches < 0) {
      throw new IllegalArgumentException("maxMatches must not be negative, got " + maxMatches);
    }
  }

  /** Every job its own one-job cluster, with no limit on matches but the jobs. */
  public SubmitterQueue(String schedd, String submitter, List<IdleJob> jobs) {
    this(schedd, submitter, jobs.stream().map(Autocluster::of).toList(), jobs.size());
  }

  /** Idle jobs offered: the clusters' counts, capped by {@code maxMatches}. */
  public long idleJobs() {
    long n = 0;
    for (Autocluster a : autoclusters) {
      n += a.count();
    }
    return Math.min(n, maxMatches);
  }
}
