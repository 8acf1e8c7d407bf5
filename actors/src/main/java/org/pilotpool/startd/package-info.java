/**
 * The startd, one per slot.
 *
 * <p>{@link org.pilotpool.startd.Startd#create} takes a
 * {@link org.pilotpool.startd.StartdWiring} (slot, knobs, the node's glexec, the collector, the
 * pilot's proxy, an observer); the same function serves static slots and the slots pilots bring.
 * The startd advertises its ad (Name, Machine, State, Activity, Cpus, Memory, START,
 * GLIDEIN_Site) with a {@code Schedd.SlotRequest} reference on every change, and withdraws it
 * when it leaves.
 *
 * <p>Protocol with the schedd (see the schedd's package documentation): {@code RequestClaim} is
 * answered by {@code ClaimResponse} (accepted when unclaimed, active and START matches);
 * {@code ActivateClaim} spawns a starter, or is answered {@code JobExited(NotStarted)} when the
 * claim takes no new job (CLAIM_WORKLIFE passed, the slot retiring, or the claim broken by a
 * starter that failed to start its job); {@code KillJob} goes to the starter;
 * {@code ReleaseClaim} makes the slot Unclaimed. The starter's {@code Started} and {@code Exited}
 * become {@code JobStarted} and {@code JobExited}.
 *
 * <p>From its owner (a pilot, the pool): {@code Retire}, {@code Shutdown(reason)},
 * {@code DelegateProxy(job, proxy)}. To its {@link org.pilotpool.startd.SlotObserver}, called
 * in the startd's turn: {@link org.pilotpool.startd.SlotEvent}s (claimed, released, activated,
 * ended, noted, left) with the startd's reference.
 */
package org.pilotpool.startd;
