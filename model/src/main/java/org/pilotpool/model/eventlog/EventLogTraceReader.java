package org.pilotpool.model.eventlog;

import java.io.Reader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.pilotpool.model.trace.JobOutcome;
import org.pilotpool.model.trace.ProblemLog;
import org.pilotpool.model.trace.SeenIds;
import org.pilotpool.model.trace.TraceDiagnostics;
import org.pilotpool.model.trace.TraceJob;
import org.pilotpool.model.trace.TraceProblem;
import org.pilotpool.model.trace.TraceReader;

/**
 * Turns a job event log into replayable jobs: submit time from 000, wait = first 001 minus submit,
 * run time = end (005 or 009) minus the last 001 (a vanilla job evicted or excepted restarts from
 * scratch, so only the last run is work), cores and memory from the Request column of 005's
 * resource table (1 core and unknown memory when absent). Event logs do not name the owner, so
 * the user is {@code unknown}. Jobs come out when they end; a job removed before it ran has run
 * time 0 and outcome cancelled. Only jobs still running are held in memory, plus the set of ids
 * seen for duplicate detection.
 */
public final class EventLogTraceReader implements TraceReader {
  private static final class Open {
    final Instant submit;
    Instant firstStart;
    Instant lastStart;

    Open(Instant submit) {
      this.submit = submit;
    }
  }

  private final EventLogReader events;
  private final ProblemLog log;
  private final Map<JobId, Open> open = new LinkedHashMap<>();
  private final SeenIds seen = new SeenIds();
  private TraceJob next;
  private boolean drained;

  private EventLogTraceReader(EventLogReader events) {
    this.events = events;
    this.log = events.problems();
  }

  public static EventLogTraceReader open(Path file, EventLogReader.Options options) {
    return new EventLogTraceReader(EventLogReader.open(file, options));
  }

  public static EventLogTraceReader of(Reader reader, String source,
      EventLogReader.Options options) {
    return new EventLogTraceReader(EventLogReader.of(reader, source, options));
  }

  @Override
  public boolean hasNext() {
    while (next == null && events.hasNext()) {
      next = apply(events.next());
    }
    if (next == null && !drained) {
      drained = true;
      for (Iterator<JobId> it = open.keySet().iterator(); it.hasNext(); ) {
        JobId id = it.next();
        log.note(TraceProblem.UNFINISHED_JOB, 0, "job " + id.clusterProc(),
            "no terminate or abort event", id.clusterProc());
        it.remove();
      }
    }
    return next != null;
  }

  private TraceJob apply(JobEvent e) {
    int line = events.eventLine();
    String text = String.format(Locale.ROOT, "%03d (%s)", e.code(), e.job().clusterProc());
    if (e instanceof JobEvent.Submit) {
      if (!seen.add(e.job().clusterProc())) {
        log.reject(TraceProblem.DUPLICATE_ID, line, "job id",
            "job " + e.job().clusterProc() + " submitted twice", text);
        return null;
      }
      open.put(e.job(), new Open(e.time()));
      return null;
    }
    Open o = open.get(e.job());
    if (o == null) {
      log.reject(TraceProblem.ORPHAN_EVENT, line, "job id",
          "no submit event for job " + e.job().clusterProc(), text);
      return null;
    }
    if (e instanceof JobEvent.Execute) {
      if (o.firstStart == null) {
        o.firstStart = e.time();
      }
      o.lastStart = e.time();
      return null;
    }
    if (e instanceof JobEvent.Terminated t) {
      open.remove(e.job());
      if (o.lastStart == null) {
        log.reject(TraceProblem.MISSING_VALUE, line, "event 005",
            "job " + e.job().clusterProc() + " terminated without an execute event", text);
        return null;
      }
      JobOutcome outcome =
          t.normal() && t.exitValue() == 0 ? JobOutcome.COMPLETED : JobOutcome.FAILED;
      return job(e, o, t.time(), request(t, "Cpus").orElse(1), request(t, "Memory"), outcome);
    }
    if (e instanceof JobEvent.Aborted a) {
      open.remove(e.job());
      return job(e, o, o.lastStart == null ? null : a.time(), 1, OptionalLong.empty(),
          JobOutcome.CANCELLED);
    }
    return null;
  }

  private TraceJob job(JobEvent e, Open o, Instant end, long cpus, OptionalLong memory,
      JobOutcome outcome) {
    double run = end == null ? 0 : Math.max(0, seconds(Duration.between(o.lastStart, end)));
    OptionalDouble wait = o.firstStart == null ? OptionalDouble.empty()
        : OptionalDouble.of(Math.max(0, seconds(Duration.between(o.submit, o.firstStart))));
    log.jobReturned();
    return new TraceJob(e.job().clusterProc(), Math.max(0, seconds(o.submit)), run,
        (int) Math.max(1, Math.min(Integer.MAX_VALUE, cpus)), memory, "unknown",
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), wait, outcome);
  }

  private static double seconds(Duration d) {
    return d.getSeconds() + d.getNano() / 1e9;
  }

  private static double seconds(Instant i) {
    return i.getEpochSecond() + i.getNano() / 1e9;
  }

  private static OptionalLong request(JobEvent.Terminated t, String resource) {
    for (ResourceRow r : t.resources()) {
      if (r.resource().equalsIgnoreCase(resource)) {
        try {
          return OptionalLong.of((long) Math.ceil(Double.parseDouble(r.request())));
        } catch (NumberFormatException e) {
          return OptionalLong.empty();
        }
      }
    }
    return OptionalLong.empty();
  }

  @Override
  public TraceJob next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    TraceJob j = next;
    next = null;
    return j;
  }

  @Override
  public TraceDiagnostics diagnostics() {
    return log.snapshot();
  }

  @Override
  public void close() {
    events.close();
  }
}
