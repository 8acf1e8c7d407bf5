package org.pilotpool.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.TreeMap;
import org.pilotpool.model.eventlog.JobEvent;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.job.JobStatus;
import org.pilotpool.startd.SlotEvent;

/** The invariants every pool run keeps, checked after each run. */
final class PoolInvariants {
  private PoolInvariants() {}

  static void check(PoolRecord record) {
    everySubmittedJobIsInExactlyOneState(record);
    noSlotRunsTwoJobsAtOnce(record);
    everyHoldHasACode(record);
    everyGlexecCallIsAccountedFor(record);
  }

  static void everySubmittedJobIsInExactlyOneState(PoolRecord record) {
    long submitted = record.jobEvents().stream().filter(e -> e instanceof JobEvent.Submit)
        .count();
    assertEquals(submitted, record.jobs().size(), "one record per submitted job");
    for (PoolJobRecord job : record.jobs()) {
      assertTrue(job.status() != null, job.id() + " has a state");
      if (job.end().isPresent()) {
        assertTrue(job.status() == JobStatus.COMPLETED || job.status() == JobStatus.REMOVED,
            job.id() + " left the queue as " + job.status());
      }
    }
  }

  static void noSlotRunsTwoJobsAtOnce(PoolRecord record) {
    TreeMap<String, JobId> running = new TreeMap<>();
    for (SlotEvent e : record.slotEvents()) {
      if (e instanceof SlotEvent.Activated a) {
        JobId before = running.put(a.slot(), a.job());
        if (before != null) {
          fail(a.slot() + " started " + a.job() + " while running " + before);
        }
      } else if (e instanceof SlotEvent.Ended x) {
        JobId was = running.remove(x.slot());
        assertEquals(x.job(), was, x.slot() + " ended a job it did not run");
      }
    }
  }

  static void everyHoldHasACode(PoolRecord record) {
    for (JobEvent e : record.jobEvents()) {
      if (e instanceof JobEvent.Held h) {
        assertTrue(h.holdCode() > 0, "hold without a code: " + h);
      }
    }
    for (PoolJobRecord job : record.jobs()) {
      if (job.status() == JobStatus.HELD) {
        assertTrue(job.holdCode().orElse(0) > 0, job.id() + " is held without a code");
      }
    }
  }

  static void everyGlexecCallIsAccountedFor(PoolRecord record) {
    assertEquals(record.glexecInvoked(),
        record.glexecReturned() + record.glexecPending().size(),
        "glexec calls invoked = returned + pending");
  }
}
