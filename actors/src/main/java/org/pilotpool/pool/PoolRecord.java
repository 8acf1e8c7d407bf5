package org.pilotpool.pool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.pilotpool.authz.SiteAuthzStats;
import org.pilotpool.model.eventlog.EventLogFormat;
import org.pilotpool.model.eventlog.EventLogWriter;
import org.pilotpool.model.eventlog.JobEvent;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.glexec.GlexecOperation;
import org.pilotpool.model.job.JobQueue;
import org.pilotpool.model.job.JobQueueEvent;
import org.pilotpool.model.job.JobStatus;
import org.pilotpool.model.retry.BreakerTransition;
import org.pilotpool.model.retry.CircuitBreaker;
import org.pilotpool.startd.SlotEvent;
import org.pilotpool.workernode.GlexecTally;

/**
 * What a pool run leaves behind: the job event log, per-job records, glexec calls by operation
 * and result, calls the circuit breakers refused and their state changes, slot and starter
 * events, and each site's authorization statistics. The pool's actors write to it as they emit
 * (the schedd its queue and log events, each node's glexec its calls), so its writers are
 * synchronized for runs under the wall clock; it is read once the run is over.
 *
 * <p>A {@linkplain #PoolRecord(EventLogFormat) full record} keeps every event in memory, for
 * tests and reports. A {@linkplain #streaming(EventLogFormat, Appendable) streaming record} writes
 * the event log to the caller's sink as it goes and keeps only what stays small per job (per-job
 * records, counts, calls in flight), so that a run of hundreds of thousands of jobs fits in
 * memory; asking it for the event lists is an error.
 */
public final class PoolRecord {
  private final EventLogFormat format;
  private final boolean full;
  private final Appendable eventLog;
  private final StringBuilder eventText = new StringBuilder(1024);
  private char[] eventChars = new char[1024];
  private final List<JobEvent> jobEvents = new ArrayList<>();
  /** Only looked up while the run goes on; sorted into queue order when read. */
  private final Map<JobId, Mutable> jobs = new HashMap<>();
  private final SortedMap<GlexecOperation, SortedMap<String, Long>> glexecResults =
      new TreeMap<>();
  private final List<GlexecCallRecord> glexecInvocations = new ArrayList<>();
  private final Map<CallKey, GlexecCallRecord> pending = new LinkedHashMap<>();
  private long glexecInvoked;
  private long glexecReturned;
  private long completed;
  private final List<SlotEvent> slotEvents = new ArrayList<>();
  private final List<StatusCounts> statusCounts = new ArrayList<>();
  private final SortedMap<String, SiteAuthzStats> siteStats = new TreeMap<>();
  private final SortedMap<GlexecOperation, Long> glexecRefused = new TreeMap<>();
  private final SortedMap<String, BreakerCounts> breakers = new TreeMap<>();
  private final List<String> rejectedSubmits = new ArrayList<>();

  /**
   * A record that keeps everything.
   *
   * @param format how event log lines are written
   */
  public PoolRecord(EventLogFormat format) {
    this(format, true, new StringBuilder());
  }

  private PoolRecord(EventLogFormat format, boolean full, Appendable eventLog) {
    this.format = format;
    this.full = full;
    this.eventLog = eventLog;
  }

  /**
   * A record that writes the event log to {@code eventLog} and keeps no per-event lists.
   *
   * @param eventLog where event log lines go, in the order the schedd wrote them; its
   *     {@code IOException}s surface as {@link UncheckedIOException}
   */
  public static PoolRecord streaming(EventLogFormat format, Appendable eventLog) {
    return new PoolRecord(format, false, eventLog);
  }

  // ---------------------------------------------------------------- reading

  /** Jobs that have completed so far: cheap to ask while the run goes on. */
  public synchronized long completedJobs() {
    return completed;
  }

  /** The job event log in HTCondor's format; a full record only. */
  public String eventLog() {
    requireFull("eventLog");
    return eventLog.toString();
  }

  /** The job events in the order the schedd wrote them; a full record only. */
  public List<JobEvent> jobEvents() {
    requireFull("jobEvents");
    return Collections.unmodifiableList(jobEvents);
  }

  /** Per-job records, in queue order. */
  public List<PoolJobRecord> jobs() {
    List<JobId> ids = new ArrayList<>(jobs.keySet());
    ids.sort(JobQueue.ORDER);
    List<PoolJobRecord> out = new ArrayList<>(ids.size());
    for (JobId id : ids) {
      out.add(jobs.get(id).freeze());
    }
    return out;
  }

  public Optional<PoolJobRecord> job(JobId id) {
    return Optional.ofNullable(jobs.get(id)).map(Mutable::freeze);
  }

  /** Returned glexec calls by operation, then by result ("0", "203", "proxy-not-valid"...). */
  public SortedMap<GlexecOperation, SortedMap<String, Long>> glexecResults() {
    return Collections.unmodifiableSortedMap(glexecResults);
  }

  /** Returned glexec calls of {@code op}. */
  public long glexecReturned(GlexecOperation op) {
    return glexecResults.getOrDefault(op, new TreeMap<>()).values().stream()
        .mapToLong(Long::longValue).sum();
  }

  /** Every glexec call made, in order; a full record only. */
  public List<GlexecCallRecord> glexecInvocations() {
    requireFull("glexecInvocations");
    return Collections.unmodifiableList(glexecInvocations);
  }

  public long glexecInvoked() {
    return glexecInvoked;
  }

  public long glexecReturned() {
    return glexecReturned;
  }

  /**
   * Calls the nodes' circuit breakers refused, by operation: glexec did not run, so they are not
   * among the calls made ({@link #glexecInvoked()}, {@link #glexecInvocations()}).
   */
  public SortedMap<GlexecOperation, Long> glexecRefused() {
    return Collections.unmodifiableSortedMap(glexecRefused);
  }

  /**
   * How often the circuit breakers of a site's nodes changed state, summed over the nodes.
   *
   * @param opened transitions to open: after the failure threshold, or a failed probe
   * @param halfOpened open intervals that ended, letting probes through
   * @param closed probes that succeeded
   */
  public record BreakerCounts(long opened, long halfOpened, long closed) {
    BreakerCounts plus(CircuitBreaker.State to) {
      return new BreakerCounts(opened + (to == CircuitBreaker.State.OPEN ? 1 : 0),
          halfOpened + (to == CircuitBreaker.State.HALF_OPEN ? 1 : 0),
          closed + (to == CircuitBreaker.State.CLOSED ? 1 : 0));
    }
  }

  /** Breaker state changes per site; sites whose breakers never moved are absent. */
  public SortedMap<String, BreakerCounts> breakers() {
    return Collections.unmodifiableSortedMap(breakers);
  }

  /** Calls made whose result has not come back (yet). */
  public List<GlexecCallRecord> glexecPending() {
    return List.copyOf(pending.values());
  }

  /** Slot and starter events in order; a full record only. */
  public List<SlotEvent> slotEvents() {
    requireFull("slotEvents");
    return Collections.unmodifiableList(slotEvents);
  }

  private void requireFull(String what) {
    if (!full) {
      throw new IllegalStateException(what + " is not kept by a streaming record");
    }
  }

  /** Each site's authorization statistics, taken at the spec's {@code statsAt}. */
  public SortedMap<String, SiteAuthzStats> siteStats() {
    return Collections.unmodifiableSortedMap(siteStats);
  }

  /** Why submits were refused, one line each. */
  public List<String> rejectedSubmits() {
    return Collections.unmodifiableList(rejectedSubmits);
  }

  // ---------------------------------------------------------------- writing (the root actor)

  synchronized void userLog(JobEvent event) {
    if (full) {
      jobEvents.add(event);
    }
    try {
      if (eventLog instanceof StringBuilder log) {
        EventLogWriter.formatInto(log, event, format);
        return;
      }
      // One builder and one buffer for every event: a writer would turn a builder into a new
      // string per event, hundreds of bytes each for most of a run's garbage.
      eventText.setLength(0);
      EventLogWriter.formatInto(eventText, event, format);
      if (eventLog instanceof Writer w) {
        int n = eventText.length();
        if (eventChars.length < n) {
          eventChars = new char[Math.max(n, 2 * eventChars.length)];
        }
        eventText.getChars(0, n, eventChars, 0);
        w.write(eventChars, 0, n);
      } else {
        eventLog.append(eventText);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing the event log", e);
    }
  }

  /**
   * Jobs idle, running and held after each change of those counts: what the report draws over
   * time. Kept by the full record only.
   *
   * @param time when the counts changed
   */
  public record StatusCounts(Instant time, int idle, int running, int held) {}

  /** The counts over time, one entry per change (a full record's only). */
  public List<StatusCounts> statusCounts() {
    requireFull("status counts");
    return List.copyOf(statusCounts);
  }

  synchronized void queueChanged(JobQueueEvent event) {
    if (event instanceof JobQueueEvent.JobSubmitted s) {
      jobs.put(s.submitted().id(), new Mutable(s.submitted().id(), s.submitted().owner(),
          s.time()));
      countStatus(null, JobStatus.IDLE, s.time());
      return;
    }
    Mutable job = jobs.get(jobOf(event));
    if (job == null) {
      return;
    }
    JobStatus before = job.status;
    applyToJob(job, event);
    countStatus(before, job.status, event.time());
  }

  private void countStatus(JobStatus before, JobStatus after, Instant time) {
    if (!full || before == after) {
      return;
    }
    StatusCounts last = statusCounts.isEmpty() ? new StatusCounts(time, 0, 0, 0)
        : statusCounts.get(statusCounts.size() - 1);
    int idle = last.idle() + delta(JobStatus.IDLE, before, after);
    int running = last.running() + delta(JobStatus.RUNNING, before, after);
    int held = last.held() + delta(JobStatus.HELD, before, after);
    if (!statusCounts.isEmpty() && last.time().equals(time)) {
      statusCounts.set(statusCounts.size() - 1, new StatusCounts(time, idle, running, held));
    } else {
      statusCounts.add(new StatusCounts(time, idle, running, held));
    }
  }

  private static int delta(JobStatus counted, JobStatus before, JobStatus after) {
    return (after == counted ? 1 : 0) - (before == counted ? 1 : 0);
  }

  private void applyToJob(Mutable job, JobQueueEvent event) {
    if (event instanceof JobQueueEvent.JobActivated) {
      job.status = JobStatus.RUNNING;
    } else if (event instanceof JobQueueEvent.JobBeganExecution e) {
      if (job.firstStart == null) {
        job.firstStart = e.time();
      }
    } else if (event instanceof JobQueueEvent.JobRequeued
        || event instanceof JobQueueEvent.JobReleased) {
      job.status = JobStatus.IDLE;
    } else if (event instanceof JobQueueEvent.JobHeld h) {
      job.status = JobStatus.HELD;
      job.holdCode = h.hold().code().code();
    } else if (event instanceof JobQueueEvent.JobRemoved) {
      job.status = JobStatus.REMOVED;
    } else if (event instanceof JobQueueEvent.JobCompleted) {
      job.status = JobStatus.COMPLETED;
      completed++;
    } else if (event instanceof JobQueueEvent.JobLeftQueue l) {
      job.end = l.time();
    }
  }

  synchronized void slotEvent(SlotEvent event) {
    if (full) {
      slotEvents.add(event);
    }
    if (event instanceof SlotEvent.Activated a && jobs.containsKey(a.job())) {
      Mutable job = jobs.get(a.job());
      job.site = a.site();
      job.activations++;
    } else if (event instanceof SlotEvent.Ended e && jobs.containsKey(e.job())) {
      jobs.get(e.job()).glexecCalls += e.glexecCalls();
    }
  }

  /** A node's glexec made a call or saw one end, at {@code now}. */
  synchronized void glexecTallied(GlexecTally tally, Instant now) {
    if (tally instanceof GlexecTally.Invoked i) {
      glexecInvoked(new GlexecCallRecord(now, i.node(), i.operation(), i.callId()));
    } else if (tally instanceof GlexecTally.Returned r) {
      glexecReturned(r.node(), r.callId(), r.operation(), r.result());
    } else if (tally instanceof GlexecTally.Refused r) {
      glexecRefused(r.node(), r.callId(), r.operation());
    }
  }

  private void glexecInvoked(GlexecCallRecord call) {
    glexecInvoked++;
    if (full) {
      glexecInvocations.add(call);
    }
    pending.put(new CallKey(call.node(), call.callId()), call);
  }

  private void glexecReturned(String node, String callId, GlexecOperation op, String result) {
    pending.remove(new CallKey(node, callId));
    glexecReturned++;
    glexecResults.computeIfAbsent(op, o -> new TreeMap<>()).merge(result, 1L, Long::sum);
  }

  /**
   * The node's breaker refused a call that {@link #glexecInvoked} counted as made, which it takes
   * back. The refusal comes at the instant of the call, so the call is among the last recorded.
   */
  private void glexecRefused(String node, String callId, GlexecOperation op) {
    GlexecCallRecord call = pending.remove(new CallKey(node, callId));
    if (call == null) {
      throw new IllegalStateException("refused call was never invoked: " + node + " " + callId);
    }
    glexecInvoked--;
    if (full) {
      glexecInvocations.remove(glexecInvocations.lastIndexOf(call));
    }
    glexecRefused.merge(op, 1L, Long::sum);
  }

  synchronized void breakerMoved(BreakerTransition transition) {
    breakers.merge(transition.site(), new BreakerCounts(0, 0, 0).plus(transition.to()),
        (a, b) -> a.plus(transition.to()));
  }

  synchronized void siteStats(String site, SiteAuthzStats stats) {
    siteStats.put(site, stats);
  }

  synchronized void submitRejected(String problem) {
    rejectedSubmits.add(problem);
  }

  private static JobId jobOf(JobQueueEvent event) {
    if (event instanceof JobQueueEvent.JobActivated e) {
      return e.job();
    } else if (event instanceof JobQueueEvent.JobBeganExecution e) {
      return e.job();
    } else if (event instanceof JobQueueEvent.JobRequeued e) {
      return e.job();
    } else if (event instanceof JobQueueEvent.JobHeld e) {
      return e.job();
    } else if (event instanceof JobQueueEvent.JobReleased e) {
      return e.job();
    } else if (event instanceof JobQueueEvent.JobRemoved e) {
      return e.job();
    } else if (event instanceof JobQueueEvent.JobCompleted e) {
      return e.job();
    } else if (event instanceof JobQueueEvent.JobLeftQueue e) {
      return e.job();
    } else if (event instanceof JobQueueEvent.AttributeSet e) {
      return e.job();
    } else if (event instanceof JobQueueEvent.ProxyRefreshed e) {
      return e.job();
    }
    return null;
  }

  /** A call in flight: call ids are unique per node. Hashed by hand, as {@link JobId} is. */
  private record CallKey(String node, String callId) {
    @Override
    public boolean equals(Object o) {
      return o instanceof CallKey k && k.node.equals(node) && k.callId.equals(callId);
    }

    @Override
    public int hashCode() {
      return node.hashCode() * 31 + callId.hashCode();
    }
  }

  /** A job's record while the run goes on. */
  private static final class Mutable {
    final JobId id;
    final String owner;
    final Instant submitted;
    Instant firstStart;
    Instant end;
    JobStatus status = JobStatus.IDLE;
    Integer holdCode;
    String site;
    int activations;
    int glexecCalls;

    Mutable(JobId id, String owner, Instant submitted) {
      this.id = id;
      this.owner = owner;
      this.submitted = submitted;
    }

    PoolJobRecord freeze() {
      return new PoolJobRecord(id, owner, submitted, Optional.ofNullable(firstStart),
          Optional.ofNullable(end), status, Optional.ofNullable(holdCode),
          Optional.ofNullable(site), activations, glexecCalls);
    }
  }
}
