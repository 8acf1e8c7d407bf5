package org.pilotpool.replay;

import java.util.Optional;
import org.pilotpool.model.trace.TraceDiagnostics;
import org.pilotpool.model.trace.TraceJob;
import org.pilotpool.model.trace.TraceReader;

/**
 * A trace turned into arrivals on the run's clock, read lazily: it holds at most one job read
 * ahead (to know when the next arrival is due) and forgets every job it has handed over, so a
 * trace of any length replays in bounded memory.
 *
 * <p>Submit times are shifted so that the first job arrives at the run's start. A job whose
 * submit time is earlier than the previous one's (a trace not in submit order) cannot arrive in
 * the past: it arrives together with the previous job and is counted in {@link #lateArrivals()}.
 *
 * <p>A failure of the reader (a bad record in strict mode, an unreadable file) ends the stream;
 * it is kept for {@link #failure()} so that the replay can stop and the caller rethrow it.
 */
public final class ArrivalStream {
  private final TraceReader reader;
  private double originSeconds = Double.NaN;
  private long lastSubmitNanos;
  private long sequence;
  private long lateArrivals;
  private ReplayJob ahead;
  private RuntimeException failure;
  private boolean exhausted;

  public ArrivalStream(TraceReader reader) {
    this.reader = reader;
  }

  /** Whether another job is to arrive. */
  public boolean hasNext() {
    if (ahead != null) {
      return true;
    }
    if (exhausted) {
      return false;
    }
    try {
      if (!reader.hasNext()) {
        exhausted = true;
        return false;
      }
      ahead = shift(reader.next());
      return true;
    } catch (RuntimeException e) {
      failure = e;
      exhausted = true;
      reader.close();
      return false;
    }
  }

  /** When the next job arrives, in nanoseconds from the run's start; requires {@link #hasNext()}. */
  public long nextArrivalNanos() {
    if (!hasNext()) {
      throw new IllegalStateException("no more arrivals");
    }
    return ahead.submitNanos();
  }

  /** Hands the next job over and forgets it. */
  public ReplayJob next() {
    if (!hasNext()) {
      throw new IllegalStateException("no more arrivals");
    }
    ReplayJob job = ahead;
    ahead = null;
    return job;
  }

  /** Jobs read from the trace and not yet handed over: 0 or 1. */
  public int held() {
    return ahead == null ? 0 : 1;
  }

  /** Jobs handed over so far. */
  public long handedOver() {
    return sequence - held();
  }

  /** Jobs submitted earlier than the job before them, which arrived with that job instead. */
  public long lateArrivals() {
    return lateArrivals;
  }

  /** What stopped the stream early, if anything did. */
  public Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure);
  }

  /** The reader's counts: records read, jobs returned, problems by reason. */
  public TraceDiagnostics diagnostics() {
    return reader.diagnostics();
  }

  private ReplayJob shift(TraceJob job) {
    if (Double.isNaN(originSeconds)) {
      originSeconds = job.submitSeconds();
    }
    long nanos = Math.round((job.submitSeconds() - originSeconds) * 1e9);
    if (nanos < lastSubmitNanos) {
      lateArrivals++;
      nanos = lastSubmitNanos;
    }
    lastSubmitNanos = nanos;
    return new ReplayJob(++sequence, job, nanos);
  }
}
