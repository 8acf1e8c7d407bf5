package org.pilotpool.model.trace;

/** What a trace reader does with a record it cannot use. */
public enum ReadPolicy {
  /** Stop at the first bad record with a {@link org.pilotpool.model.input.BadInputException}. */
  STRICT,
  /** Skip bad records, count them by reason and keep the first example of each. */
  LENIENT
}
