package org.pilotpool.model.negotiation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.classad.Expr;

class CollectorStateTest {
  private static ClassAd slot(String name, String state) {
    return new ClassAd().set("Name", name).set("State", state).set("Cpus", 1);
  }

  private static List<String> names(List<ClassAd> ads) {
    return ads.stream().map(CollectorState::nameOf).toList();
  }

  @Test
  void updateReplacesTheAdOfTheSameName() {
    CollectorState c = new CollectorState();
    assertTrue(c.update(slot("slot1@b", "Unclaimed")));
    assertFalse(c.update(slot("slot1@b", "Claimed")));
    assertEquals(1, c.size());
    assertEquals("Claimed", c.get("slot1@b").orElseThrow().evaluate("State").asString());
  }

  @Test
  void queryReturnsAdsSatisfyingTheConstraintInNameOrder() {
    CollectorState c = new CollectorState();
    c.update(slot("slot2@a", "Unclaimed"));
    c.update(slot("slot1@b", "Claimed"));
    c.update(slot("slot1@a", "Unclaimed"));
    assertEquals(List.of("slot1@a", "slot2@a"),
        names(c.query(Expr.parse("constraint", "State == \"Unclaimed\""))));
  }

  @Test
  void invalidatedSlotIsNoLongerReturned() {
    CollectorState c = new CollectorState();
    c.update(slot("slot1@a", "Unclaimed"));
    c.update(slot("slot2@a", "Unclaimed"));
    assertTrue(c.invalidate("slot1@a"));
    assertFalse(c.invalidate("slot1@a"));
    assertEquals(List.of("slot2@a"), names(c.query(Expr.parse("constraint", "true"))));
  }

  @Test
  void adWithoutANameIsRefused() {
    CollectorState c = new CollectorState();
    assertThrows(IllegalArgumentException.class, () -> c.update(new ClassAd().set("Cpus", 1)));
  }
}
