package org.pilotpool.model.eventlog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The HTCondor job event log events a pilot pool writes and replays. Codes and texts are
 * HTCondor's ({@code condor_event.h}, {@code condor_event.cpp}).
 */
public sealed interface JobEvent {
  /** The three-digit event number. */
  int code();

  JobId job();

  Instant time();

  /** 000: {@code Job submitted from host: <sinful>}, optionally followed by a note line. */
  record Submit(JobId job, Instant time, String submitHost, Optional<String> note)
      implements JobEvent {
    @Override
    public int code() {
      return 0;
    }
  }

  /** 001: {@code Job executing on host: <sinful>}, optionally with {@code SlotName: }. */
  record Execute(JobId job, Instant time, String executeHost, Optional<String> slotName)
      implements JobEvent {
    @Override
    public int code() {
      return 1;
    }
  }

  /** 004: the job left the machine without finishing (and will run again from the start). */
  record Evicted(
      JobId job,
      Instant time,
      boolean checkpointed,
      CpuUsage runRemote,
      CpuUsage runLocal,
      long runBytesSent,
      long runBytesReceived,
      Optional<String> reason)
      implements JobEvent {
    @Override
    public int code() {
      return 4;
    }
  }

  /**
   * 005: the job finished, normally with a return value or abnormally by a signal.
   *
   * @param exitValue the return value when {@code normal}, else the signal number
   * @param coreFile for abnormal termination, the core file when one was written
   */
  record Terminated(
      JobId job,
      Instant time,
      boolean normal,
      int exitValue,
      Optional<String> coreFile,
      CpuUsage runRemote,
      CpuUsage runLocal,
      CpuUsage totalRemote,
      CpuUsage totalLocal,
      long runBytesSent,
      long runBytesReceived,
      long totalBytesSent,
      long totalBytesReceived,
      List<ResourceRow> resources)
      implements JobEvent {
    public Terminated {
      resources = List.copyOf(resources);
      if (normal && coreFile.isPresent()) {
        throw new IllegalArgumentException("a normally terminated job has no core file");
      }
    }

    @Override
    public int code() {
      return 5;
    }
  }

  /** 007: {@code Shadow exception!} and its message; the job goes back to idle. */
  record ShadowException(
      JobId job, Instant time, String message, long runBytesSent, long runBytesReceived)
      implements JobEvent {
    @Override
    public int code() {
      return 7;
    }
  }

  /** 009: the job was removed. */
  record Aborted(JobId job, Instant time, Optional<String> reason) implements JobEvent {
    @Override
    public int code() {
      return 9;
    }
  }

  /** 012: {@code Job was held.}, the reason, and {@code Code <c> Subcode <s>}. */
  record Held(JobId job, Instant time, Optional<String> reason, int holdCode, int holdSubcode)
      implements JobEvent {
    @Override
    public int code() {
      return 12;
    }
  }

  /** 013: {@code Job was released.} and the reason. */
  record Released(JobId job, Instant time, Optional<String> reason) implements JobEvent {
    @Override
    public int code() {
      return 13;
    }
  }
}
