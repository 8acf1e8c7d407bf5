package org.pilotpool.model.trace;

import java.util.EnumMap;
import java.util.Map;
import org.pilotpool.model.input.BadInputException;

/**
 * The one place where a reader's {@link ReadPolicy} is applied: a rejected record throws in
 * {@link ReadPolicy#STRICT} mode and is counted in {@link ReadPolicy#LENIENT} mode; a noted record
 * (a fact about valid input, such as an unmodelled event) is always only counted.
 */
public final class ProblemLog {
  private static final int EXAMPLE_LIMIT = 200;

  private final String source;
  private final ReadPolicy policy;
  private final Map<TraceProblem, TraceDiagnostics.Occurrences> problems =
      new EnumMap<>(TraceProblem.class);
  private long recordsRead;
  private long jobsReturned;

  public ProblemLog(String source, ReadPolicy policy) {
    this.source = source;
    this.policy = policy;
  }

  public String source() {
    return source;
  }

  public ReadPolicy policy() {
    return policy;
  }

  public void recordRead() {
    recordsRead++;
  }

  public void jobReturned() {
    jobsReturned++;
  }

  /**
   * A record the reader cannot use.
   *
   * @throws BadInputException in strict mode
   */
  public void reject(TraceProblem problem, int line, String field, String why, String text) {
    if (policy == ReadPolicy.STRICT) {
      throw new BadInputException(source, line, field, why);
    }
    note(problem, line, field, why, text);
  }

  /** Counts a problem without ever throwing. */
  public void note(TraceProblem problem, int line, String field, String why, String text) {
    problems.compute(problem, (p, old) -> old == null
        ? new TraceDiagnostics.Occurrences(1, line, example(field, why, text))
        : new TraceDiagnostics.Occurrences(old.count() + 1, old.firstLine(), old.firstExample()));
  }

  private static String example(String field, String why, String text) {
    String t = text == null ? "" : text.strip();
    if (t.length() > EXAMPLE_LIMIT) {
      t = t.substring(0, EXAMPLE_LIMIT) + "...";
    }
    return (field == null ? "" : field + ": ") + why + " [" + t + "]";
  }

  public TraceDiagnostics snapshot() {
    return new TraceDiagnostics(source, recordsRead, jobsReturned, problems);
  }
}
