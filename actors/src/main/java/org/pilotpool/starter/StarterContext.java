package org.pilotpool.starter;

import java.util.Objects;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.job.Job;

/**
 * One activation of a starter: the job and where it runs.
 *
 * @param site the slot's {@code GLIDEIN_Site}
 * @param executeHost the slot's sinful string, written in 001
 * @param pilotProxy the pilot's own proxy ({@code X509_USER_PROXY})
 * @param sandbox the job's execute directory
 * @param rootPid the pid of the job wrapper; the family takes the following ones
 * @param callPrefix makes glexec call ids unique on the node
 */
public record StarterContext(Job job, String slot, String site, String executeHost,
    ProxyCredential pilotProxy, String sandbox, int rootPid, String callPrefix) {
  public StarterContext {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(executeHost, "executeHost");
    Objects.requireNonNull(pilotProxy, "pilotProxy");
    Objects.requireNonNull(sandbox, "sandbox");
    Objects.requireNonNull(callPrefix, "callPrefix");
  }
}
