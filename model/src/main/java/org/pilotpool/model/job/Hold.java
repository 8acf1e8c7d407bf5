package org.pilotpool.model.job;

import java.util.Objects;

/**
 * Why a job is held: HTCondor's {@code HoldReasonCode}, {@code HoldReasonSubCode} and
 * {@code HoldReason}.
 */
public record Hold(HoldReasonCode code, int subcode, String reason) {
  public Hold {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
  }
}
