/**
 * Jobs as the schedd keeps them: HTCondor's job status and hold reason codes, the immutable job
 * record with the attributes the pool's decisions read, and the job queue as a log of past-tense
 * {@link org.pilotpool.model.job.JobQueueEvent}s that can be replayed.
 */
package org.pilotpool.model.job;
