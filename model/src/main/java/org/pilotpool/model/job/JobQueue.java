package org.pilotpool.model.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.LinkedHashMap;
import org.pilotpool.model.eventlog.JobId;

/**
 * The schedd's job queue as state rebuilt from {@link JobQueueEvent}s: jobs in (cluster, proc)
 * order and the next cluster id. The schedd changes it only through {@link #apply}, so replaying
 * the events it emitted gives the same queue.
 */
public final class JobQueue {
  /** Queue order: cluster, then proc, then subproc. */
  // Written out rather than chained: every queue, index and claim lookup goes through it.
  public static final Comparator<JobId> ORDER = (a, b) -> {
    int c = Integer.compare(a.cluster(), b.cluster());
    if (c != 0) {
      return c;
    }
    c = Integer.compare(a.proc(), b.proc());
    return c != 0 ? c : Integer.compare(a.subproc(), b.subproc());
  };

  /**
   * Jobs in queue order. A hash map in insertion order rather than a tree: the schedd looks a job
   * up on every change and submits in ascending order anyway; the rare submit that comes before
   * the last job re-sorts the map.
   */
  private LinkedHashMap<JobId, Job> jobs = new LinkedHashMap<>();
  private JobId last;
  private int nextClusterId = 1;

  /** Rebuilds a queue from events in the order they happened. */
  public static JobQueue replay(Iterable<? extends JobQueueEvent> events) {
    JobQueue queue = new JobQueue();
    for (JobQueueEvent e : events) {
      queue.apply(e);
    }
    return queue;
  }

  /**
   * Applies one change and returns the job as it is afterwards (for {@code JobLeftQueue}, as it
   * was when it left).
   *
   * @throws IllegalStateException if the event does not fit the queue (a job submitted twice, an
   *     event for a job that is not there): the event log is corrupt or out of order
   */
  public Job apply(JobQueueEvent event) {
    if (event instanceof JobQueueEvent.JobSubmitted s) {
      Job job = s.submitted();
      if (jobs.containsKey(job.id())) {
        throw new IllegalStateException("job " + job.id().clusterProc() + " submitted twice");
      }
      jobs.put(job.id(), job);
      if (last != null && ORDER.compare(job.id(), last) < 0) {
        List<JobId> ids = new ArrayList<>(jobs.keySet());
        ids.sort(ORDER);
        LinkedHashMap<JobId, Job> sorted = new LinkedHashMap<>();
        for (JobId id : ids) {
          sorted.put(id, jobs.get(id));
        }
        jobs = sorted;
      } else {
        last = job.id();
      }
      nextClusterId = Math.max(nextClusterId, job.id().cluster() + 1);
      return job;
    }
    Job job = jobs.get(event.job());
    if (job == null) {
      throw new IllegalStateException(
          "job " + event.job().clusterProc() + " is not in the queue: " + event);
    }
    if (event instanceof JobQueueEvent.JobLeftQueue) {
      jobs.remove(job.id());
      return job;
    }
    Job changed = changed(job, event);
    jobs.put(job.id(), changed);
    return changed;
  }

  private static Job changed(Job job, JobQueueEvent event) {
    if (event instanceof JobQueueEvent.JobActivated a) {
      return job.withStatus(JobStatus.RUNNING, a.time());
    } else if (event instanceof JobQueueEvent.JobBeganExecution b) {
      return job.withCounters(job.numJobStarts() + 1, job.numShadowExceptions());
    } else if (event instanceof JobQueueEvent.JobRequeued r) {
      Job idle = job.withStatus(JobStatus.IDLE, r.time());
      return r.shadowException()
          ? idle.withCounters(job.numJobStarts(), job.numShadowExceptions() + 1) : idle;
    } else if (event instanceof JobQueueEvent.JobHeld h) {
      return job.heldAt(h.hold(), h.time());
    } else if (event instanceof JobQueueEvent.JobReleased r) {
      return job.withStatus(JobStatus.IDLE, r.time());
    } else if (event instanceof JobQueueEvent.JobRemoved r) {
      return job.withStatus(JobStatus.REMOVED, r.time());
    } else if (event instanceof JobQueueEvent.JobCompleted c) {
      return job.withStatus(JobStatus.COMPLETED, c.time());
    } else if (event instanceof JobQueueEvent.AttributeSet a) {
      return job.withAttribute(a.name(), a.value());
    } else if (event instanceof JobQueueEvent.ProxyRefreshed p) {
      return job.withRefreshedProxy(p.proxy());
    }
    throw new IllegalStateException("unhandled queue event " + event);
  }

  public Optional<Job> get(JobId id) {
    return Optional.ofNullable(jobs.get(id));
  }

  /** The jobs in queue order; a read-only view. */
  public Collection<Job> jobs() {
    return Collections.unmodifiableCollection(jobs.values());
  }

  /** A copy of the jobs in queue order, for comparing two queues. */
  public List<Job> snapshot() {
    return new ArrayList<>(jobs.values());
  }

  public int size() {
    return jobs.size();
  }

  /** The cluster id the next submit gets. */
  public int nextClusterId() {
    return nextClusterId;
  }
}
