/**
 * The pool assembled end to end: {@link org.pilotpool.pool.Pool#create} builds schedd, collector,
 * negotiator, the {@link org.pilotpool.pool.ScheddBridge} between negotiator and schedd, per site
 * an authorization service and its worker nodes' glexec (counted by
 * {@link org.pilotpool.pool.CountingGlexec}), and static slots, each with its startd
 * ({@link org.pilotpool.pool.Pool#spawnStartd}, the function pilots reuse). A
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
