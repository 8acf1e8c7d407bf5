package org.pilotpool.model.eventlog;

/** An HTCondor job id as the event log writes it: {@code cluster.proc.subproc}. */
public record JobId(int cluster, int proc, int subproc) {
  public JobId {
    if (cluster < 0 || proc < 0 || subproc < 0) {
      throw new IllegalArgumentException(
          "job id parts must be non-negative: " + cluster + "." + proc + "." + subproc);
    }
  }

  public static JobId of(int cluster, int proc) {
    return new JobId(cluster, proc, 0);
  }

  // Written out: every queue, index and claim lookup hashes a job id, and the generated methods
  // go through method handles that the compiler does not always fold. Same values as generated.
  @Override
  public boolean equals(Object o) {
    return o instanceof JobId j && j.cluster == cluster && j.proc == proc && j.subproc == subproc;
  }

  @Override
  public int hashCode() {
    return (cluster * 31 + proc) * 31 + subproc;
  }

  /** {@code cluster.proc}, the form HTCondor tools and histories use. */
  public String clusterProc() {
    return cluster + "." + proc;
  }
}
