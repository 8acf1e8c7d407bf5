package org.pilotpool.model.negotiation;

/** Why a slot was not a candidate for a job; counted per (job autocluster, slot) pair. */
public enum SlotRejection {
  /** The slot's {@code GLIDEIN_Site} is on the job's excluded-site list. */
  EXCLUDED_SITE,
  /** The job's Requirements are not true against the slot. */
  JOB_REQUIREMENTS,
  /** The slot's Requirements (or START) are not true against the job. */
  SLOT_REQUIREMENTS
}
