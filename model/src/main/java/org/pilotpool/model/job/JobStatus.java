package org.pilotpool.model.job;

/**
 * HTCondor's {@code JobStatus} values with their numbers ({@code proc.h}) and the one-letter codes
 * {@code condor_q} prints.
 */
public enum JobStatus {
  IDLE(1, 'I'),
  RUNNING(2, 'R'),
  REMOVED(3, 'X'),
  COMPLETED(4, 'C'),
  HELD(5, 'H'),
  TRANSFERRING_OUTPUT(6, '>'),
  SUSPENDED(7, 'S');

  private final int code;
  private final char letter;

  JobStatus(int code, char letter) {
    this.code = code;
    this.letter = letter;
  }

  /** The {@code JobStatus} attribute value. */
  public int code() {
    return code;
  }

  /** The letter in {@code condor_q}'s ST column. */
  public char letter() {
    return letter;
  }

  /** The status with this {@code JobStatus} number. */
  public static JobStatus fromCode(int code) {
    for (JobStatus s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    throw new IllegalArgumentException("no JobStatus " + code + " (expected 1 to 7)");
  }
}
