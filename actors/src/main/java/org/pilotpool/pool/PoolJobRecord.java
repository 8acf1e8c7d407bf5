package org.pilotpool.pool;

import java.time.Instant;
import java.util.Optional;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.job.JobStatus;

/**
 * One job's line in the per-job report.
 *
 * @param firstStart when it first began executing (001)
 * @param end when it left the queue (completed or removed)
 * @param holdCode the code of its current or last hold
 * @param site the site of its last activation
 * @param activations starters spawned for it
 * @param glexecCalls glexec calls its starters and procds made
 */
public record PoolJobRecord(JobId id, String owner, Instant submitted, Optional<Instant> firstStart,
    Optional<Instant> end, JobStatus status, Optional<Integer> holdCode, Optional<String> site,
    int activations, int glexecCalls) {}
