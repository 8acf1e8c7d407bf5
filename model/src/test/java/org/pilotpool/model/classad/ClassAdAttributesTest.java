package org.pilotpool.model.classad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassAdAttributesTest {
  private static ClassAd numbered(int count) {
    ClassAd ad = new ClassAd();
    for (int i = 0; i < count; i++) {
      ad.set("Attr" + i, i);
    }
    return ad;
  }

  @Test
  void rebindingInAnotherCaseKeepsThePlaceAndTakesTheNewSpelling() {
    ClassAd ad = new ClassAd().set("Owner", "alice").set("Cpus", 1).set("OWNER", "bob");
    assertEquals(List.of("OWNER", "Cpus"), ad.names());
    assertEquals("bob", ad.evaluate("owner").asString());
  }

  @Test
  void aLargeAdFindsEveryAttributeByAnyCase() {
    ClassAd ad = numbered(100);
    for (int i = 0; i < 100; i++) {
      assertEquals(i, ad.evaluate("ATTR" + i).asLong());
    }
    assertNull(ad.lookup("Attr100"));
  }

  @Test
  void removingKeepsTheOrderOfTheRestInSmallAndLargeAds() {
    for (int count : new int[] {5, 40}) {
      ClassAd ad = numbered(count);
      assertTrue(ad.remove("attr2"));
      assertFalse(ad.remove("attr2"));
      assertEquals(count - 1, ad.size());
      assertEquals("Attr3", ad.names().get(2));
      assertEquals(count - 1, ad.evaluate("Attr" + (count - 1)).asLong());
      assertNull(ad.lookup("Attr2"));
    }
  }

  @Test
  void aCopyIsEqualAndIndependent() {
    ClassAd ad = numbered(40);
    ClassAd copy = ad.copy();
    assertEquals(ad, copy);
    assertEquals(ad.hashCode(), copy.hashCode());
    copy.set("Attr0", 99);
    assertNotEquals(ad, copy);
    assertEquals(0, ad.evaluate("Attr0").asLong());
  }

  @Test
  void attributesAreVisitedInInsertionOrderWithLowerCaseNames() {
    List<String> seen = new ArrayList<>();
    new ClassAd().set("Name", "slot1").set("Cpus", 4)
        .forEachAttribute((name, expr) -> seen.add(name + "=" + expr));
    assertEquals(List.of("name=\"slot1\"", "cpus=4"), seen);
  }
}
