package org.pilotpool.pool;

import java.util.Objects;
import org.pilotpool.authz.BanTarget;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.schedd.JobSelector;
import org.pilotpool.schedd.JobSubmission;

/** Something a scenario or a driver does to the pool. */
public sealed interface PoolAction {
  /** {@code condor_submit}. */
  record Submit(JobSubmission submission) implements PoolAction {
    public Submit {
      Objects.requireNonNull(submission, "submission");
    }
  }

  /** {@code condor_rm}. */
  record Remove(JobSelector selector, String reason) implements PoolAction {}

  /** {@code condor_hold}. */
  record Hold(JobSelector selector, String reason) implements PoolAction {}

  /** {@code condor_release}. */
  record Release(JobSelector selector, String reason) implements PoolAction {}

  /** {@code pap-admin ban} at one site. */
  record Ban(String site, BanTarget target) implements PoolAction {}

  /** Lift a ban at one site. */
  record Unban(String site, BanTarget target) implements PoolAction {}

  /** The user re-delegates the job's proxy (which need not be the same identity). */
  record DelegateProxy(JobId job, ProxyCredential proxy) implements PoolAction {}

  /** Retire every slot of a site: running jobs finish, no new ones start. */
  record RetireSite(String site) implements PoolAction {}

  /** Shut every slot of a site down: running jobs are evicted. */
  record ShutdownSite(String site, String reason) implements PoolAction {}
}
