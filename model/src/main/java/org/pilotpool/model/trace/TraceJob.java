package org.pilotpool.model.trace;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One job of a workload trace, reduced to what a replay needs.
 *
 * <p>Times are seconds. {@code submitSeconds} counts from the trace's own origin: the log start
 * for SWF and GWF, the Unix epoch for HTCondor histories and event logs; a replay shifts them so
 * that its first job starts at its own time zero.
 *
 * @param id the job's id as written in the trace (SWF/GWF job number, or {@code cluster.proc})
 * @param submitSeconds submit time from the trace origin, never negative
 * @param runSeconds wall-clock run time of the run that finished the job, never negative
 * @param requestCpus requested cores, at least 1
 * @param requestMemoryMb requested memory in MB, empty when the trace does not say
 * @param user submitting user
 * @param group accounting group or UNIX group, when known
 * @param vo virtual organisation, when known
 * @param site execution site, when known
 * @param x509Subject the job proxy's subject DN, when known
 * @param recordedWaitSeconds the wait the trace recorded (an output a replay compares against,
 *     never an input)
 * @param outcome how the job ended
 */
public record TraceJob(
    String id,
    double submitSeconds,
    double runSeconds,
    int requestCpus,
    OptionalLong requestMemoryMb,
    String user,
    Optional<String> group,
    Optional<String> vo,
    Optional<String> site,
    Optional<String> x509Subject,
    OptionalDouble recordedWaitSeconds,
    JobOutcome outcome) {

  public TraceJob {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(requestMemoryMb, "requestMemoryMb");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(vo, "vo");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(x509Subject, "x509Subject");
    Objects.requireNonNull(recordedWaitSeconds, "recordedWaitSeconds");
    Objects.requireNonNull(outcome, "outcome");
    if (!(submitSeconds >= 0) || !(runSeconds >= 0)) {
      throw new IllegalArgumentException("times must be non-negative: submit " + submitSeconds
          + ", run " + runSeconds);
    }
    if (requestCpus < 1) {
      throw new IllegalArgumentException("requestCpus must be at least 1: " + requestCpus);
    }
  }
}
