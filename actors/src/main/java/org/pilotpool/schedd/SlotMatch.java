package org.pilotpool.schedd;

import java.util.Objects;
import org.pilotpool.model.classad.ClassAd;

/**
 * A slot the negotiator matched to one of the schedd's jobs: its stable name and its ad, which
 * the schedd keeps to find further jobs for the claim.
 */
public record SlotMatch(String slot, ClassAd slotAd) {
  public SlotMatch {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(slotAd, "slotAd");
  }
}
