package org.pilotpool.model.queueing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ErlangCTest {
  @Test
  void singleServerReducesToMm1() {
    // M/M/1: P(wait) = rho, Wq = rho / (mu - lambda).
    assertEquals(0.75, ErlangC.probabilityOfWaiting(1, 0.75), 1e-12);
    assertEquals(0.75 / (1.0 - 0.75), ErlangC.meanWait(1, 0.75, 1.0), 1e-12);
  }

  @Test
  void twoServersMatchTheTextbookValue() {
    // c = 2, a = 1: C = (1/2 * 1/(1-0.5)) / (1 + 1 + 1/2 * 2) = 1/3.
    assertEquals(1.0 / 3.0, ErlangC.probabilityOfWaiting(2, 1.0), 1e-12);
  }

  @Test
  void thousandsOfServersStayFinite() {
    double p = ErlangC.probabilityOfWaiting(5000, 4900);
    assertEquals(true, p > 0 && p < 1, "P(wait) = " + p);
  }

  @Test
  void anOverloadedQueueIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> ErlangC.probabilityOfWaiting(10, 10));
  }
}
