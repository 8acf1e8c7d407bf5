package org.pilotpool.model.classad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatchmakingTest {

  private static ClassAd job(String owner) {
    return ClassAd.parse("job.ad", String.join("\n",
        "Owner = \"" + owner + "\"",
        "RequestCpus = 1",
        "RequestMemory = 2000",
        "x509userproxysubject = \"/DC=org/DC=cilogon/C=US/O=Fermilab/CN=" + owner + "\"",
        "Requirements = (RequestCpus <= TARGET.Cpus) && (RequestMemory <= TARGET.Memory) && "
            + "(TARGET.Arch == \"X86_64\") && (TARGET.OpSys == \"LINUX\")",
        "Rank = TARGET.Memory / 1024"));
  }

  /** A glidein slot: its START excludes one user and requires a proxy, as glideinWMS does. */
  private static ClassAd glideinSlot() {
    return ClassAd.parse("slot.ad", String.join("\n",
        "Name = \"slot1@glidein_4242@wn01.example.org\"",
        "Cpus = 8",
        "Memory = 16384",
        "Arch = \"X86_64\"",
        "OpSys = \"LINUX\"",
        "GLIDEIN_Site = \"Example\"",
        "START = (TARGET.Owner =!= \"mallory\") && (TARGET.x509userproxysubject =!= UNDEFINED)",
        "Requirements = START",
        "Rank = TARGET.Owner == \"alice\""));
  }

  @Test
  void jobMatchesSlotWhenBothRequirementsHold() {
    assertTrue(ClassAd.matches(job("alice"), glideinSlot()));
  }

  @Test
  void jobAskingMoreMemoryThanTheSlotHasDoesNotMatch() {
    ClassAd job = job("alice").set("RequestMemory", 32000);
    assertFalse(ClassAd.matches(job, glideinSlot()));
  }

  @Test
  void jobAskingMoreCpusThanTheSlotHasDoesNotMatch() {
    ClassAd job = job("alice").set("RequestCpus", 16);
    assertFalse(ClassAd.matches(job, glideinSlot()));
  }

  @Test
  void slotStartExcludesTheBannedUser() {
    assertFalse(ClassAd.matches(job("mallory"), glideinSlot()));
    assertTrue(ClassAd.matches(job("bob"), glideinSlot()));
  }

  @Test
  void glideinRejectsAJobWithoutProxySubject() {
    ClassAd job = job("alice");
    job.remove("x509userproxysubject");
    assertFalse(ClassAd.matches(job, glideinSlot()));
  }

  @Test
  void slotWithoutRequirementsFallsBackToStart() {
    ClassAd slot = glideinSlot();
    slot.remove("Requirements");
    assertTrue(ClassAd.matches(job("alice"), slot));
    assertFalse(ClassAd.matches(job("mallory"), slot));
  }

  @Test
  void unscopedReferenceInJobRequirementsResolvesAgainstTheSlot() {
    ClassAd job = job("alice").insert("Requirements", "Cpus >= RequestCpus && Memory >= 1000");
    assertTrue(ClassAd.matches(job, glideinSlot()));
  }

  @Test
  void undefinedRequirementsIsNoMatch() {
    ClassAd job = job("alice").insert("Requirements", "TARGET.HasGPU");
    assertFalse(ClassAd.matches(job, glideinSlot()));
  }

  @Test
  void missingJobRequirementsIsNoMatch() {
    ClassAd job = job("alice");
    job.remove("Requirements");
    assertFalse(ClassAd.matches(job, glideinSlot()));
  }

  @Test
  void requirementEvaluatingToANonZeroNumberCountsAsTrue() {
    ClassAd job = job("alice").insert("Requirements", "TARGET.Cpus");
    assertTrue(ClassAd.matches(job, glideinSlot()));
  }

  @Test
  void jobRankIsTheNumericValueAgainstTheSlot() {
    assertEquals(16.0, ClassAd.rank(job("alice"), glideinSlot()));
  }

  @Test
  void booleanSlotRankCountsAsOneOrZero() {
    assertEquals(1.0, ClassAd.rank(glideinSlot(), job("alice")));
    assertEquals(0.0, ClassAd.rank(glideinSlot(), job("bob")));
  }

  @Test
  void undefinedErrorStringOrMissingRankIsZero() {
    ClassAd slot = glideinSlot();
    assertEquals(0.0, ClassAd.rank(job("a").insert("Rank", "TARGET.NoSuch"), slot));
    assertEquals(0.0, ClassAd.rank(job("a").insert("Rank", "1/0"), slot));
    assertEquals(0.0, ClassAd.rank(job("a").insert("Rank", "\"high\""), slot));
    ClassAd noRank = job("a");
    noRank.remove("Rank");
    assertEquals(0.0, ClassAd.rank(noRank, slot));
  }

  @Test
  void realRankIsReturnedAsIs() {
    ClassAd job = job("alice").insert("Rank", "TARGET.Memory / 1000.0 + 0.5");
    assertEquals(16.884, ClassAd.rank(job, glideinSlot()), 1e-9);
  }
}
