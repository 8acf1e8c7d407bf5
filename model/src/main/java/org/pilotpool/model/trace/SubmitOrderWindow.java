package org.pilotpool.model.trace;

import java.util.Comparator;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.pilotpool.model.input.BadInputException;

/**
 * Puts a nearly sorted trace into submit order using a bounded window: a job is released once a
 * job submitted more than {@code windowSeconds} later has been read, so memory holds only the jobs
 * of one window. A job that arrives after a later-submitted job was already released (it was out
 * of order by more than the window) is refused with a {@link BadInputException}: a replay must not
 * silently reorder time. Equal submit times keep file order.
 */
public final class SubmitOrderWindow implements TraceReader {
  private record Pending(TraceJob job, long sequence) {}

  private final TraceReader source;
  private final double windowSeconds;
  private final PriorityQueue<Pending> pending = new PriorityQueue<>(
      Comparator.comparingDouble((Pending p) -> p.job().submitSeconds())
          .thenComparingLong(Pending::sequence));
  private long sequence;
  private double latestRead = Double.NEGATIVE_INFINITY;
  private double lastReleased = Double.NEGATIVE_INFINITY;

  public SubmitOrderWindow(TraceReader source, double windowSeconds) {
    if (!(windowSeconds >= 0)) {
      throw new IllegalArgumentException("window must be non-negative: " + windowSeconds);
    }
    this.source = source;
    this.windowSeconds = windowSeconds;
  }

  @Override
  public boolean hasNext() {
    while (source.hasNext()
        && (pending.isEmpty() || pending.peek().job().submitSeconds() + windowSeconds >= latestRead)) {
      TraceJob job = source.next();
      if (job.submitSeconds() < lastReleased) {
        throw new BadInputException(source.diagnostics().source(), 0, "submit time",
            "job " + job.id() + " (submitted at " + job.submitSeconds() + " s) is out of order by"
                + " more than the " + windowSeconds + " s sorting window; sort the trace or widen"
                + " the window");
      }
      latestRead = Math.max(latestRead, job.submitSeconds());
      pending.add(new Pending(job, sequence++));
    }
    return !pending.isEmpty();
  }

  @Override
  public TraceJob next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    TraceJob job = pending.poll().job();
    lastReleased = job.submitSeconds();
    return job;
  }

  @Override
  public TraceDiagnostics diagnostics() {
    return source.diagnostics();
  }

  @Override
  public void close() {
    source.close();
  }
}
