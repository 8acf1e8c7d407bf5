package org.pilotpool.schedd;

/** The schedd's timers, each armed at most once at a time. */
public enum ScheddTimer {
  /** Drains the start queue: JOB_START_DELAY / JOB_START_COUNT. */
  START_QUEUE,
  /** Drains the action queue for jobs with a shadow: JOB_STOP_DELAY / JOB_STOP_COUNT. */
  STOP_QUEUE,
  /** Evaluates the periodic policy expressions: PERIODIC_EXPR_INTERVAL. */
  PERIODIC_EXPRS
}
