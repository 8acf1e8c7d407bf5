/**
 * The starter in HTCondor's glexec mode: one per activation of a claim.
 *
 * <p>The startd spawns a {@link org.pilotpool.starter.Starter} with the job; it runs glexec
 * SETUP, LAUNCH, then the payload for the job's run time (UPDATE_PROXY for each re-delegated proxy
 * the shadow pushes every {@code SHADOW_CHECKPROXY_INTERVAL}), then CLEANUP. It reports to the
 * startd {@code Started} (the schedd writes 001), {@code Noted} events to count (identity change
 * refused, control lost, site denied, proxy refreshed) and finally {@code Exited} with the
 * {@link org.pilotpool.schedd.ShadowOutcome}, and stops. The startd may send {@code Kill} (the
 * schedd's remove or hold), {@code Evict} (the pilot's end of life) and {@code ProxyDelegated}.
 *
 * <p>Switches beside HTCondor's behaviour: {@link org.pilotpool.starter.IdentityPolicy} for an
 * identity change on re-delegation, {@link org.pilotpool.starter.DenialPolicy} for a permanent
 * authorization denial at SETUP.
 *
 * <p>Without glexec: a glidein whose setup disabled glexec writes {@code GLEXEC_JOB=False}, which
 * reaches the starter as {@link org.pilotpool.starter.StarterConfig#glexecJob()} false; the job
 * then runs as the pilot's own account with no glexec call at all (started at once, killed and
 * cleaned up without glexec), and a job without a proxy runs.
 */
package org.pilotpool.starter;
