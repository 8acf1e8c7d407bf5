package org.pilotpool.model.negotiation;

import java.util.List;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.eventlog.JobId;

/**
 * An idle job as a schedd offers it to the negotiator.
 *
 * @param id the job's cluster.proc
 * @param ad the job ad (Requirements, Rank, RequestCpus, RequestMemory, Owner ...); the sender must
 *     not modify it afterwards
 * @param excludedSites values of {@code GLIDEIN_Site} this job must not be matched to: our policy
 *     after a site's glexec denied the job, not an HTCondor attribute
 */
public record IdleJob(JobId id, ClassAd ad, List<String> excludedSites) {
  public IdleJob {
    excludedSites = List.copyOf(excludedSites);
  }

  public IdleJob(JobId id, ClassAd ad) {
    this(id, ad, List.of());
  }
}
