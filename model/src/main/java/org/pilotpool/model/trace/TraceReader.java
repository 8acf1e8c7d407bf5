package org.pilotpool.model.trace;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A trace read one job at a time: a reader holds the current record and the little state its
 * checks need (a bit per numeric job id seen, the jobs of an event log still running), never the
 * jobs it has returned, so a trace of any length is read in bounded memory.
 *
 * <p>Order: jobs come in the order of the file (for event logs, the order in which jobs end).
 * Nothing is sorted; a job whose submit time is earlier than one already returned is kept and
 * counted as {@link TraceProblem#OUT_OF_ORDER}. A replay that needs submit order wraps the reader
 * in {@link SubmitOrderWindow}, which sorts within a bounded window and rejects what falls outside.
 *
 * <p>I/O errors surface as {@link java.io.UncheckedIOException}; bad records as {@link
 * org.pilotpool.model.input.BadInputException} in strict mode, counts in {@link #diagnostics()}
 * otherwise.
 */
public interface TraceReader extends Iterator<TraceJob>, AutoCloseable {

  /** What was read, returned and skipped so far; complete once {@link #hasNext()} is false. */
  TraceDiagnostics diagnostics();

  @Override
  void close();

  /** The remaining jobs as a sequential stream that closes this reader when closed. */
  default Stream<TraceJob> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }
}
