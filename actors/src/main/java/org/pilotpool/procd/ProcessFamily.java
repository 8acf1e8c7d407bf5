package org.pilotpool.procd;

import java.util.List;
import java.util.Objects;
import org.pilotpool.model.eventlog.JobId;

/**
 * A job's processes as the procd tracks them: the root (the job wrapper) first.
 *
 * @param owner the local account the processes run as (what glexec mapped the job's proxy to)
 */
public record ProcessFamily(JobId job, List<Integer> pids, String owner) {
  public ProcessFamily {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(owner, "owner");
    pids = List.copyOf(pids);
    if (pids.isEmpty()) {
      throw new IllegalArgumentException("a process family has at least one process");
    }
  }

  /** {@code size} consecutive pids from {@code rootPid}. */
  public static ProcessFamily of(JobId job, int rootPid, int size, String owner) {
    Integer[] pids = new Integer[size];
    for (int i = 0; i < size; i++) {
      pids[i] = rootPid + i;
    }
    return new ProcessFamily(job, List.of(pids), owner);
  }

  public int rootPid() {
    return pids.get(0);
  }

  /** The pids one kill signals in {@code mode}. */
  public List<Integer> targets(KillMode mode) {
    return mode == KillMode.SPREE ? pids : List.of(rootPid());
  }
}
