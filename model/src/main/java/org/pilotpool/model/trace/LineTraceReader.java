package org.pilotpool.model.trace;

import java.io.BufferedReader;
import java.util.NoSuchElementException;

/**
 * The reading loop shared by the one-job-per-line formats (SWF, GWF): comments, blank lines,
 * parsing, duplicate ids and submit order, all through one {@link ProblemLog}. Both formats
 * promise lines sorted by submit time, so strict mode rejects an out-of-order line.
 */
public abstract class LineTraceReader implements TraceReader {
  private final BufferedReader in;
  private final ProblemLog log;
  private final SeenIds seen = new SeenIds();
  private double latestSubmit = Double.NEGATIVE_INFINITY;
  private int lineNumber;
  private boolean sawRecord;
  private boolean finished;
  private TraceJob next;

  protected LineTraceReader(BufferedReader in, String source, ReadPolicy policy) {
    this.in = in;
    this.log = new ProblemLog(source, policy);
  }

  /** Whether the line is a comment (it is then passed to {@link #comment}). */
  protected abstract boolean isComment(String line);

  /**
   * A comment line.
   *
   * @param beforeFirstRecord whether no record has been read yet (the header part)
   */
  protected void comment(String line, int lineNumber, boolean beforeFirstRecord) {}

  /** Called with the first non-comment line before it is parsed, to recognise foreign formats. */
  protected void checkFirstRecord(String line, int lineNumber) {}

  /** Parses one record line. */
  protected abstract TraceJob parse(String line) throws RecordRejected;

  protected final String source() {
    return log.source();
  }

  /** Reads ahead to the first record, so that everything before it (the header) is known. */
  protected final void readHeader() {
    hasNext();
  }

  @Override
  public final boolean hasNext() {
    while (next == null && !finished) {
      String line = TraceInput.readLine(in, source(), lineNumber);
      if (line == null) {
        finished = true;
        close();
        break;
      }
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      if (isComment(line)) {
        comment(line, lineNumber, !sawRecord);
        continue;
      }
      if (!sawRecord) {
        checkFirstRecord(line, lineNumber);
        sawRecord = true;
      }
      log.recordRead();
      accept(line);
    }
    return next != null;
  }

  private void accept(String line) {
    TraceJob job;
    try {
      job = parse(line);
    } catch (RecordRejected r) {
      log.reject(r.problem(), lineNumber, r.field(), r.getMessage(), line);
      return;
    }
    if (!seen.add(job.id())) {
      log.reject(TraceProblem.DUPLICATE_ID, lineNumber, "job id",
          "job " + job.id() + " appears twice", line);
      return;
    }
    if (job.submitSeconds() < latestSubmit) {
      log.reject(TraceProblem.OUT_OF_ORDER, lineNumber, "submit time",
          "submit time " + job.submitSeconds() + " is earlier than " + latestSubmit
              + " on an earlier line; lines must be sorted by submit time", line);
    }
    latestSubmit = Math.max(latestSubmit, job.submitSeconds());
    log.jobReturned();
    next = job;
  }

  @Override
  public final TraceJob next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    TraceJob job = next;
    next = null;
    return job;
  }

  @Override
  public final TraceDiagnostics diagnostics() {
    return log.snapshot();
  }

  @Override
  public final void close() {
    finished = true;
    TraceInput.close(in);
  }
}
