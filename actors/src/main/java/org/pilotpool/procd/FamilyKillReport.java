package org.pilotpool.procd;

import java.util.List;
import java.util.Objects;
import org.pilotpool.model.eventlog.JobId;

/**
 * How a family kill ended.
 *
 * @param killed pids whose kill call succeeded
 * @param failed pids whose kill step gave up: those processes may still run
 * @param glexecCalls glexec calls made, retries included
 */
public record FamilyKillReport(JobId job, List<Integer> killed, List<Integer> failed,
    int glexecCalls) {
  public FamilyKillReport {
    Objects.requireNonNull(job, "job");
    killed = List.copyOf(killed);
    failed = List.copyOf(failed);
  }

  /** Whether every process the kill targeted is gone. */
  public boolean complete() {
    return failed.isEmpty();
  }
}
