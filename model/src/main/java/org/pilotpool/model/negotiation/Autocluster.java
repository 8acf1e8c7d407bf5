package org.pilotpool.model.negotiation;

import java.util.List;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.eventlog.JobId;

/**
 * Idle jobs of one submitter with the same {@link AutoclusterSignature}, as a schedd offers them
 * to the negotiator: one representative ad, how many jobs the cluster holds, and the ids of the
 * first of them in submission order.
 *
 * <p>HTCondor's schedd sends the representative and then, on the negotiator's request, the next
 * job of the cluster one at a time; the list of ids stands for that exchange. A schedd may send
 * fewer ids than {@code count} (never more than the slots a cycle can hand out), since the
 * negotiator cannot match more jobs than it has slots.
 *
 * @param representative the ad of the cluster's first job; every member's ad equals it apart from
 *     the identity attributes the signature ignores. The sender must not modify it afterwards
 * @param excludedSites values of {@code GLIDEIN_Site} these jobs must not be matched to
 * @param count idle jobs in the cluster
 * @param jobs the first jobs of the cluster, in submission order; not empty
 */
public record Autocluster(ClassAd representative, List<String> excludedSites, int count,
    List<JobId> jobs) {
  public Autocluster {
    excludedSites = List.copyOf(excludedSites);
    jobs = List.copyOf(jobs);
    if (jobs.isEmpty() || count < jobs.size()) {
      throw new IllegalArgumentException(
          "an autocluster needs 1 to count job ids, got " + jobs.size() + " for count " + count);
    }
  }

  /** A one-job cluster of an idle job, with the job's own ad. */
  public static Autocluster of(IdleJob job) {
    return new Autocluster(job.ad(), job.excludedSites(), 1, List.of(job.id()));
  }
}
