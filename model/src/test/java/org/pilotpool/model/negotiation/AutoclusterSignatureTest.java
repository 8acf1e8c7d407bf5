package org.pilotpool.model.negotiation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.classad.ClassAd;

class AutoclusterSignatureTest {
  private static final AutoclusterSignature PLAIN = AutoclusterSignature.withSignificant(Set.of());

  private static ClassAd job(int proc) {
    return new ClassAd().set("ClusterId", 7).set("ProcId", proc).set("RequestMemory", 2048)
        .insert("Requirements", "TARGET.Memory >= MY.RequestMemory");
  }

  @Test
  void slotAdsMentioningAnIdentityAttributeInAnyCaseMakeItSignificant() {
    ClassAd slot = new ClassAd().set("Name", "slot1").insert("START", "TARGET.procid % 2 == 0");
    assertEquals(Set.of("procid"), AutoclusterSignature.significantIdentity(List.of(slot)));
  }

  @Test
  void aLongerWordContainingAnIdentityNameIsNoMention() {
    ClassAd slot = new ClassAd().set("Name", "slot1").insert("START", "TARGET.ProcIdx > 0");
    assertEquals(Set.of(), AutoclusterSignature.significantIdentity(List.of(slot)));
  }

  @Test
  void jobsDifferingOnlyInIdentityShareAKeyUnlessItIsSignificant() {
    assertEquals(PLAIN.key(job(0), List.of()), PLAIN.key(job(1), List.of()));
    AutoclusterSignature byProc = AutoclusterSignature.withSignificant(Set.of("procid"));
    assertNotEquals(byProc.key(job(0), List.of()), byProc.key(job(1), List.of()));
  }

  @Test
  void jobsIndexedAtDifferentInstantsShareAKey() {
    assertEquals(PLAIN.key(job(0).set("CurrentTime", 100), List.of()),
        PLAIN.key(job(1).set("CurrentTime", 700), List.of()));
  }

  @Test
  void excludedSitesArePartOfTheKey() {
    assertNotEquals(PLAIN.key(job(0), List.of()), PLAIN.key(job(0), List.of("SiteB")));
  }

  @Test
  void aJobMentioningAnIgnoredIdentityAttributeStandsAlone() {
    ClassAd ad = job(0).insert("Rank", "MY.ProcId");
    assertTrue(PLAIN.perJob(ad));
    assertFalse(AutoclusterSignature.withSignificant(Set.of("procid")).perJob(ad));
    assertFalse(PLAIN.perJob(job(0)));
  }

  @Test
  void aStringValueNamingAnIgnoredIdentityAttributeStillCounts() {
    // Constants are left out of the mention check only when they cannot print as a name.
    assertTrue(PLAIN.perJob(job(0).set("Comment", "sorted by procid")));
    assertTrue(PLAIN.perJob(job(0).set("Comment", "by PROCID")));
    assertFalse(PLAIN.perJob(job(0).set("Comment", "sorted by procidx").set("Flag", true)));
  }

  @Test
  void aStringMayNameAnIdentityAttributeAnywhereInAnyCase() {
    assertTrue(AutoclusterSignature.mayContainAName("/DC=org/CN=ProcId"));
    assertTrue(AutoclusterSignature.mayContainAName("QDATE"));
    assertTrue(AutoclusterSignature.mayContainAName("x_EnteredCurrentStatus_x"));
    assertFalse(AutoclusterSignature.mayContainAName("/DC=org/DC=cilogon/C=US/CN=Carol Proc"));
    assertFalse(AutoclusterSignature.mayContainAName("qdat"));
  }

  /** What a memo must answer: the key, or null for a job that is a cluster of its own. */
  private static Object expected(AutoclusterSignature signature, ClassAd ad, List<String> avoid) {
    return signature.perJob(ad) ? null : signature.key(ad, avoid);
  }

  @Test
  void aMemoKeysEveryAdInARunAsTheSignatureDoes() {
    Random random = new Random(11);
    for (AutoclusterSignature signature
        : List.of(PLAIN, AutoclusterSignature.withSignificant(Set.of("procid")))) {
      AutoclusterSignature.Memo memo = signature.memo();
      for (int i = 0; i < 2_000; i++) {
        // Runs of alike ads broken by changes in each part the key or perJob reads.
        ClassAd ad = job(random.nextInt(3)).set("CurrentTime", 100 + random.nextInt(2))
            .set("RequestMemory", 1024 * (1 + random.nextInt(2)));
        switch (random.nextInt(8)) {
          case 0 -> ad.insert("Rank", "MY.ProcId");
          case 1 -> ad.insert("CurrentTime", "ProcId + 1");
          case 2 -> ad.set("Comment", "by procid");
          default -> { }
        }
        List<String> avoid = random.nextInt(6) == 0 ? List.of("SiteB") : List.of();
        assertEquals(expected(signature, ad, avoid), memo.sharedKey(ad, avoid), "ad " + i);
      }
    }
  }

  @Test
  void aMemoDoesNotCarryACurrentTimeNamingAnIdentityAttributeOver() {
    AutoclusterSignature.Memo memo = PLAIN.memo();
    assertNull(memo.sharedKey(job(0).insert("CurrentTime", "ProcId"), List.of()));
    assertNotNull(memo.sharedKey(job(1).set("CurrentTime", 5), List.of()));
    assertNull(memo.sharedKey(job(2).insert("CurrentTime", "ProcId"), List.of()));
  }
}
