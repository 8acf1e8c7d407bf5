package org.pilotpool.model.negotiation;

import org.pilotpool.model.eventlog.JobId;

/** The negotiator paired a job with a slot; the schedd is to claim the slot for it. */
public record Match(String schedd, String submitter, JobId job, String slotName) {}
