package org.pilotpool.model.trace;

/** How a traced job ended, as far as the trace says. */
public enum JobOutcome {
  COMPLETED,
  FAILED,
  CANCELLED,
  UNKNOWN
}
