package org.pilotpool.model.eventlog;

/**
 * User and system CPU seconds, written by HTCondor as {@code Usr D HH:MM:SS, Sys D HH:MM:SS}.
 */
public record CpuUsage(long userSeconds, long systemSeconds) {
  public static final CpuUsage NONE = new CpuUsage(0, 0);

  public CpuUsage {
    if (userSeconds < 0 || systemSeconds < 0) {
      throw new IllegalArgumentException("CPU seconds must be non-negative");
    }
  }
}
