package org.pilotpool.schedd;

import org.pilotpool.model.eventlog.JobEvent;
import org.pilotpool.model.job.JobQueueEvent;

/**
 * Where the schedd actor hands its events, synchronously and in order: queue changes (serve mode
 * persists them before it acknowledges) and user log events (the results folder's event log).
 */
public interface ScheddJournal {
  /** A journal that keeps nothing. */
  ScheddJournal NONE = new ScheddJournal() {
    @Override
    public void queueChanged(JobQueueEvent event) {}

    @Override
    public void userLog(JobEvent event) {}
  };

  void queueChanged(JobQueueEvent event);

  void userLog(JobEvent event);
}
