/**
 * The schedd: the job queue with HTCondor 8.8's semantics. {@link org.pilotpool.schedd.ScheddLogic}
 * decides; {@link org.pilotpool.schedd.Schedd} is the thin typed actor around it.
 *
 * <h2>Protocol with the other daemons</h2>
 *
 * <p>Users and the CLI send {@code Submit}, {@code Remove}, {@code Hold} and {@code Release}
 * (by id, cluster, owner or constraint) and get {@code Submitted}/{@code Rejected} or
 * {@code ActionDone} back.
 *
 * <p>Negotiator to schedd:
 * <ul>
 *   <li>{@code GetIdleJobs(significantIdentity, maxIdsPerAutocluster, replyTo)}: the schedd
 *       answers {@link org.pilotpool.schedd.IdleJobs}, its idle and unmatched jobs by submitter
 *       and autocluster (kept up to date on every queue change, never rebuilt per cycle), and how
 *       many more it can start (MAX_JOBS_RUNNING);
 *   <li>{@code ExcludeSite(job, site)}: the job is not to be offered for that site's slots (part
 *       of its autocluster signature);
 *   <li>{@code MatchFound(job, SlotMatch(slot, slotAd), startd)}: a slot for a job. The schedd
 *       claims it; when the job is no longer runnable it takes another idle job of the same owner
 *       that the slot matches, and with none it gives the match back.
 * </ul>
 *
 * <p>Schedd to a slot's startd, as {@code SlotRequest(request, schedd)} where {@code request} is
 * a {@link org.pilotpool.schedd.ScheddEffect.ToSlot}:
 * <ul>
 *   <li>{@code RequestClaim(slot, job, jobAd)}: the startd answers {@code ClaimResponse(slot,
 *       accepted)};
 *   <li>{@code ActivateClaim(slot, job)}: start the job (spawn a starter). The schedd has marked
 *       the job Running and holds a shadow record for it. The starter reports
 *       {@code JobStarted(job, slot, executeHost)} when the payload begins executing (001), and
 *       {@code JobExited(job, slot, outcome)} when the run ends, with a
 *       {@link org.pilotpool.schedd.ShadowOutcome}: {@code Completed} (005, the job leaves the
 *       queue), {@code ShouldHold(code, subcode, reason)} (012), {@code Excepted(message)} (007,
 *       back to Idle, counted against the claim), {@code Requeued(reason)} (004, back to Idle,
 *       claim released), {@code NotStarted} (back to Idle, claim released) or {@code Killed}
 *       (the answer to a kill);
 *   <li>{@code KillJob(slot, job, REMOVE|HOLD)}: kill the running job. Kills leave the schedd
 *       through the action queue, at most JOB_STOP_COUNT every JOB_STOP_DELAY; the starter
 *       kills the process family (one glexec KILL per process) and answers with
 *       {@code JobExited(..., Killed)}, upon which the schedd writes 009 or 012;
 *   <li>{@code ReleaseClaim(slot)}: the claim is given back.
 * </ul>
 *
 * <p>After a run ends the schedd keeps the claim and starts the owner's next runnable job on it,
 * except after {@code NotStarted} and {@code Requeued}, and after MAX_SHADOW_EXCEPTIONS
 * exceptions on that claim; then it releases the claim. Claim work life is the startd's to
 * enforce: it refuses an activation it will not take with {@code JobExited(..., NotStarted)}.
 *
 * <p>Not modelled: SYSTEM_PERIODIC_*_REASON / _SUBCODE knobs, on-exit policies, graceful schedd
 * shutdown, and the scheduler and grid universes.
 */
package org.pilotpool.schedd;
