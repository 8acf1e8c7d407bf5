package org.pilotpool.startd;

import java.time.Instant;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.schedd.ShadowOutcome;
import org.pilotpool.starter.StarterEvent;

/** What a startd tells its observer (the pool's recorder, a pilot). */
public sealed interface SlotEvent {
  String slot();

  Instant time();

  /** A schedd claimed the slot for {@code owner}'s jobs. */
  record Claimed(String slot, String site, String owner, Instant time) implements SlotEvent {}

  /** The claim was given back; the slot is Unclaimed. */
  record Released(String slot, String site, Instant time) implements SlotEvent {}

  /** A starter was spawned for the job. */
  record Activated(String slot, String site, JobId job, Instant time) implements SlotEvent {}

  /** The job's starter exited with this outcome after {@code glexecCalls} calls. */
  record Ended(String slot, String site, JobId job, ShadowOutcome outcome, int glexecCalls,
      Instant time) implements SlotEvent {}

  /** The starter noted something to count. */
  record Noted(String slot, String site, StarterEvent event, Instant time) implements SlotEvent {}

  /** The slot left the pool (retired or shut down); its startd has stopped. */
  record Left(String slot, String site, Instant time) implements SlotEvent {}
}
