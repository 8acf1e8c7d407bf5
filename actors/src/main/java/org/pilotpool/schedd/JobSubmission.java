package org.pilotpool.schedd;

import java.util.Objects;
import java.util.Optional;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.job.JobProfile;

/**
 * A submit description for one cluster of {@code count} identical procs. Expressions are text, as
 * in a submit file; the schedd parses them at submit and rejects the cluster if one does not
 * parse.
 *
 * @param requirements {@code requirements}
 * @param rank {@code rank}, when given
 * @param periodicHold {@code periodic_hold}, when given (likewise release and remove)
 */
public record JobSubmission(
    String owner,
    int count,
    Optional<ProxyCredential> proxy,
    int requestCpus,
    long requestMemory,
    String requirements,
    Optional<String> rank,
    Optional<String> periodicHold,
    Optional<String> periodicRelease,
    Optional<String> periodicRemove,
    JobProfile profile) {
  public JobSubmission {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(proxy, "proxy");
    Objects.requireNonNull(requirements, "requirements");
    Objects.requireNonNull(rank, "rank");
    Objects.requireNonNull(periodicHold, "periodicHold");
    Objects.requireNonNull(periodicRelease, "periodicRelease");
    Objects.requireNonNull(periodicRemove, "periodicRemove");
    Objects.requireNonNull(profile, "profile");
  }

  /** {@code count} procs with no rank and no periodic policy of their own. */
  public static JobSubmission of(String owner, int count, Optional<ProxyCredential> proxy,
      int requestCpus, long requestMemory, String requirements, JobProfile profile) {
    return new JobSubmission(owner, count, proxy, requestCpus, requestMemory, requirements,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), profile);
  }

  /** The same submission with the job's own periodic policy expressions (null: unset). */
  public JobSubmission withPeriodic(String hold, String release, String remove) {
    return new JobSubmission(owner, count, proxy, requestCpus, requestMemory, requirements, rank,
        Optional.ofNullable(hold), Optional.ofNullable(release), Optional.ofNullable(remove),
        profile);
  }
}
