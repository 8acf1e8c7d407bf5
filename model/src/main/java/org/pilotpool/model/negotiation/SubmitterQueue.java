package org.pilotpool.model.negotiation;

import java.util.List;

/**
 * One submitter's idle jobs at one schedd, in the order the schedd wants them matched (job
 * priority, then submission order): HTCondor's submitter ad plus the jobs it would hand out.
 *
 * @param schedd the schedd's stable name; matches go back there
 * @param submitter the accounting name (HTCondor's {@code user@uid_domain})
 */
public record SubmitterQueue(String schedd, String submitter, List<IdleJob> jobs) {
  public SubmitterQueue {
    jobs = List.copyOf(jobs);
  }
}
