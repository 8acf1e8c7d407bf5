package org.pilotpool.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pilotpool.negotiator.Negotiator;

class ClaimLedgerTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void slotTimeCountsEachClaimForTheTimeItWasHeld() {
    ClaimLedger ledger = new ClaimLedger();
    ledger.claimed("slot1", "alice", T0);
    ledger.claimed("slot2", "alice", T0.plusSeconds(30));
    ledger.released("slot1", T0.plusSeconds(40));
    // slot1 for 40 s, slot2 for 70 s
    assertEquals(Map.of("alice", new Negotiator.Usage(1, 110.0)), ledger.usage(T0.plusSeconds(100)));
  }

  @Test
  void aSlotClaimedAgainForAnotherOwnerMovesItsTime() {
    ClaimLedger ledger = new ClaimLedger();
    ledger.claimed("slot1", "alice", T0);
    ledger.claimed("slot1", "bob", T0.plusSeconds(10));
    assertEquals(Map.of(
            "alice", new Negotiator.Usage(0, 10.0),
            "bob", new Negotiator.Usage(1, 15.0)),
        ledger.usage(T0.plusSeconds(25)));
  }

  @Test
  void aSubmitterWithoutClaimsIsStillReportedWithItsRunningTotal() {
    ClaimLedger ledger = new ClaimLedger();
    ledger.claimed("slot1", "alice", T0);
    ledger.released("slot1", T0.plusSeconds(5));
    ledger.usage(T0.plusSeconds(60));
    assertEquals(Map.of("alice", new Negotiator.Usage(0, 5.0)), ledger.usage(T0.plusSeconds(120)));
  }
}
