package org.pilotpool.schedd;

import java.util.Objects;
import org.pilotpool.model.eventlog.CpuUsage;
import org.pilotpool.model.job.Hold;

/**
 * How a job's run on a claimed slot ended, as the shadow would tell the schedd by its exit code
 * (HTCondor's {@code exit.h}).
 */
public sealed interface ShadowOutcome {
  /** The shadow's exit code in HTCondor. */
  int shadowExitCode();

  /** {@code JOB_EXITED} (100): the payload ran to its end. */
  record Completed(boolean normal, int exitValue, CpuUsage remoteUsage) implements ShadowOutcome {
    public Completed {
      Objects.requireNonNull(remoteUsage, "remoteUsage");
    }

    @Override
    public int shadowExitCode() {
      return 100;
    }
  }

  /** {@code JOB_KILLED} (102): the job was killed as the schedd asked (remove or hold). */
  record Killed() implements ShadowOutcome {
    @Override
    public int shadowExitCode() {
      return 102;
    }
  }

  /** {@code JOB_EXCEPTION} (4): the shadow excepted; 007 event, the job goes back to idle. */
  record Excepted(String message) implements ShadowOutcome {
    public Excepted {
      Objects.requireNonNull(message, "message");
    }

    @Override
    public int shadowExitCode() {
      return 4;
    }
  }

  /** {@code JOB_SHOULD_REQUEUE} (107): evicted, to run again from the start; 004 event. */
  record Requeued(String reason) implements ShadowOutcome {
    public Requeued {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public int shadowExitCode() {
      return 107;
    }
  }

  /** {@code JOB_NOT_STARTED} (108): the claim could not be activated; the job is idle again. */
  record NotStarted() implements ShadowOutcome {
    @Override
    public int shadowExitCode() {
      return 108;
    }
  }

  /** {@code JOB_SHOULD_HOLD} (112): the job goes on hold with this code, subcode and reason. */
  record ShouldHold(Hold hold) implements ShadowOutcome {
    public ShouldHold {
      Objects.requireNonNull(hold, "hold");
    }

    @Override
    public int shadowExitCode() {
      return 112;
    }
  }
}
