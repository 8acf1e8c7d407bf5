package org.pilotpool.model.trace;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a reader met while reading one trace: how many records it read and returned, and for each
 * {@link TraceProblem} how many records had it and the first one that did.
 *
 * @param source the file (or stream description) read
 * @param recordsRead records (lines, ads or events) looked at, comments excluded
 * @param jobsReturned jobs handed to the caller
 * @param problems counts per reason, in declaration order of {@link TraceProblem}
 */
public record TraceDiagnostics(
    String source, long recordsRead, long jobsReturned, Map<TraceProblem, Occurrences> problems) {

  /**
   * How often one problem occurred and where first.
   *
   * @param count number of records with the problem
   * @param firstLine 1-based line of the first occurrence
   * @param firstExample that line's text (cut to 200 characters) and what was wrong with it
   */
  public record Occurrences(long count, int firstLine, String firstExample) {}

  public TraceDiagnostics {
    EnumMap<TraceProblem, Occurrences> copy = new EnumMap<>(TraceProblem.class);
    copy.putAll(problems);
    problems = Collections.unmodifiableMap(copy);
  }

  /** Number of records with the given problem, 0 when none. */
  public long count(TraceProblem problem) {
    Occurrences o = problems.get(problem);
    return o == null ? 0 : o.count();
  }

  /** Whether nothing was skipped or flagged. */
  public boolean clean() {
    return problems.isEmpty();
  }

  /** A few lines for a person: totals, then one line per problem with its first example. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(source).append(": ").append(recordsRead).append(" records read, ")
        .append(jobsReturned).append(" jobs returned");
    problems.forEach((p, o) -> sb.append(System.lineSeparator()).append("  ").append(p)
        .append(" x").append(o.count()).append(" (").append(p.description()).append("), first at line ")
        .append(o.firstLine()).append(": ").append(o.firstExample()));
    return sb.toString();
  }
}
