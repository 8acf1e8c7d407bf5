package org.pilotpool.model.trace;

/** Why a trace record was skipped or flagged; the keys of {@link TraceDiagnostics}. */
public enum TraceProblem {
  WRONG_FIELD_COUNT("wrong number of fields", true),
  NOT_A_NUMBER("field is not a number", true),
  NEGATIVE_VALUE("negative value where only -1 (unknown) or a positive value is allowed", true),
  MISSING_VALUE("a value the replay needs is unknown", true),
  BAD_VALUE("value out of range or malformed", true),
  DUPLICATE_ID("job id seen before; the later record is dropped", true),
  OUT_OF_ORDER("submit time earlier than a previous record's; the record is kept", false),
  MALFORMED_EVENT("event log entry that does not follow the event format", true),
  UNKNOWN_EVENT("event code not modelled; skipped", false),
  ORPHAN_EVENT("event for a job whose submit event is not in the log", true),
  UNFINISHED_JOB("job with no terminate or abort event by the end of the log; dropped", false);

  private final String description;
  private final boolean dropsRecord;

  TraceProblem(String description, boolean dropsRecord) {
    this.description = description;
    this.dropsRecord = dropsRecord;
  }

  public String description() {
    return description;
  }

  /** Whether a record with this problem is left out of the reader's output. */
  public boolean dropsRecord() {
    return dropsRecord;
  }
}
