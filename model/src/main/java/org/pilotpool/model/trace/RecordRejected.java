package org.pilotpool.model.trace;

/**
 * Thrown by record parsers to say why a record cannot be used; the reader's {@link ProblemLog}
 * then applies the policy. It carries no stack trace: in lenient mode it is thrown once per bad
 * line of a possibly very dirty trace.
 */
public final class RecordRejected extends Exception {
  private final TraceProblem problem;
  private final String field;

  public RecordRejected(TraceProblem problem, String field, String why) {
    super(why, null, false, false);
    this.problem = problem;
    this.field = field;
  }

  public TraceProblem problem() {
    return problem;
  }

  /** The offending field's name, or null when the record as a whole is wrong. */
  public String field() {
    return field;
  }
}
