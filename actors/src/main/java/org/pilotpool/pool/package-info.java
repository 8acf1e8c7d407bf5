/**
 * The pool assembled end to end: {@link org.pilotpool.pool.Pool#create} builds schedd, collector,
 * negotiator, the {@link org.pilotpool.pool.ScheddBridge} between negotiator and schedd, per site
 * an authorization service and its worker nodes' glexec (each telling the record of its calls),
 * and static slots, each with its startd
 * ({@link org.pilotpool.pool.Pool#spawnStartd}, the function pilots reuse).
 *
 * <p>A site whose {@link org.pilotpool.pool.Provisioning} is {@code Pilots} has no static slots:
 * the pool runs the glidein factory with one entry per such site and the frontend's
 * {@code GLIDEIN_Glexec_Use} ({@link org.pilotpool.pool.PoolSpec#glexecUse()}); glideins land on
 * the site's nodes after the entry's queue time, validate glexec against the node's
 * glexec, and start their slots' startds through {@code PilotSlots} (kept in the pool, so that a
 * startd outlives its glidein long enough to evict its job cleanly). Each factory cycle's demand
 * comes from the schedd's idle jobs and the collector's unclaimed slots ({@code DemandCount}).
 * {@code RetireSite} and {@code ShutdownSite} act on static slots only; glideins retire and end
 * by their own {@link org.pilotpool.pilot.PilotTimes}.
 *
 * <p>A
 * {@link org.pilotpool.pool.PoolSpec} describes the pool and its scheduled
 * {@link org.pilotpool.pool.PoolAction}s (submit, rm, hold, release, ban, unban, re-delegate,
 * retire, shut down); a driver may also send {@code Pool.Act}. The run's results land in a
 * {@link org.pilotpool.pool.PoolRecord}.
 *
 * <p>Not modelled yet: usage reports from the schedd to the negotiator (the accountant counts the
 * matches it made), and the schedd learning of re-delegated proxies (only the running starter
 * gets them).
 */
package org.pilotpool.pool;
