package org.pilotpool.model.negotiation;

/** Why a job offered in a cycle got no slot. */
public enum JobRejection {
  /**
   * No unclaimed slot satisfies both Requirements (outside its excluded sites). The schedd offers
   * no more jobs of that autocluster in the cycle, so this counts once per autocluster.
   */
  NO_MATCH,
  /** Slots match but the submitter's share of the pie is used up (HTCondor's submitter limit). */
  SUBMITTER_LIMIT
}
