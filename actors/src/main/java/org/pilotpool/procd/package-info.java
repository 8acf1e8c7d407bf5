/**
 * The procd: one process family per job and the way to kill it through glexec.
 *
 * <p>A starter hands its job's {@link org.pilotpool.procd.ProcessFamily} to a
 * {@link org.pilotpool.procd.Procd} with {@code KillFamily}; the procd sends glexec KILL calls
 * (one per process in {@link org.pilotpool.procd.KillMode#SPREE}, HTCondor's way for a family,
 * or one for the root in {@link org.pilotpool.procd.KillMode#SIGNAL_ROOT}), each retried as
 * {@code condor_glexec_kill} does, and answers {@code FamilyKillReport} with the processes it
 * killed and those it could not.
 *
 * <p>A kill only works when the proxy maps to the account that owns the processes: after a
 * re-delegation to another identity glexec runs {@code /bin/kill} as a different account, which
 * gets "Operation not permitted" ({@link org.pilotpool.procd.ProcessOwnership}).
 */
package org.pilotpool.procd;
