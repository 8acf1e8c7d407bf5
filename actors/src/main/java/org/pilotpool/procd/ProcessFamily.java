package org.pilotpool.procd;

import java.util.List;
import java.util.Objects;
import org.pilotpool.model.eventlog.JobId;

/**
 * A job's processes as the procd tracks them: the root (the job wrapper) and the {@code size - 1}
 * processes it started, with consecutive pids. The pids are listed only when a kill needs them:
 * a family is made for every job and killed for few.
 *
 * @param owner the local account the processes run as (what glexec mapped the job's proxy to)
 */
public record ProcessFamily(JobId job, int rootPid, int size, String owner) {
  public ProcessFamily {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(owner, "owner");
    if (size < 1) {
      throw new IllegalArgumentException("a process family has at least one process, got " + size);
    }
  }

  /** The pids, the root first. */
  public List<Integer> pids() {
    Integer[] pids = new Integer[size];
    for (int i = 0; i < size; i++) {
      pids[i] = rootPid + i;
    }
    return List.of(pids);
  }

  /** The pids one kill signals in {@code mode}. */
  public List<Integer> targets(KillMode mode) {
    return mode == KillMode.SPREE ? pids() : List.of(rootPid);
  }
}
