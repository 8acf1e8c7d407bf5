package org.pilotpool.model.negotiation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.random.RandomStreams;

class NegotiationCycleTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final NegotiationCycle CYCLE = NegotiationCycle.withAutoclusters();

  static ClassAd slot(String name, String site, int memory) {
    return new ClassAd()
        .set("Name", name)
        .set("Machine", name.substring(name.indexOf('@') + 1))
        .set("GLIDEIN_Site", site)
        .set("State", "Unclaimed")
        .set("Cpus", 1)
        .set("Memory", memory)
        .insert("START", "TARGET.RequestMemory <= MY.Memory");
  }

  static ClassAd jobAd(String owner, int cluster, int proc, int requestMemory) {
    return new ClassAd()
        .set("ClusterId", cluster)
        .set("ProcId", proc)
        .set("Owner", owner)
        .set("RequestCpus", 1)
        .set("RequestMemory", requestMemory)
        .insert("Requirements", "TARGET.Memory >= MY.RequestMemory && TARGET.Cpus >= MY.RequestCpus");
  }

  static IdleJob job(String owner, int cluster, int proc, int requestMemory) {
    return new IdleJob(JobId.of(cluster, proc), jobAd(owner, cluster, proc, requestMemory));
  }

  static SubmitterQueue queue(String owner, int cluster, int jobs) {
    List<IdleJob> list = new ArrayList<>();
    for (int p = 0; p < jobs; p++) {
      list.add(job(owner, cluster, p, 1000));
    }
    return new SubmitterQueue("schedd1", owner, list);
  }

  static List<ClassAd> slots(int n) {
    List<ClassAd> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(slot(String.format("slot1@wn%03d", i), "SiteA", 2000));
    }
    return out;
  }

  static Map<String, Long> matchesBySubmitter(CycleResult r) {
    return r.matches().stream()
        .collect(Collectors.groupingBy(Match::submitter, TreeMap::new, Collectors.counting()));
  }

  static List<String> slotNames(CycleResult r) {
    return r.matches().stream().map(Match::slotName).toList();
  }

  @Test
  void fairShareSplitsThePoolInInverseProportionToEffectivePriority() {
    UserPriorities prios = UserPriorities.withDefaults(T0);
    prios.setPriorityFactor("alice", 1000);
    prios.setPriorityFactor("bob", 3000);
    CycleResult r = CYCLE.run(
        List.of(queue("bob", 2, 200), queue("alice", 1, 200)), slots(100), 100, prios);
    // effective priorities 500 and 1500: shares 3/4 and 1/4
    assertEquals(Map.of("alice", 75L, "bob", 25L), matchesBySubmitter(r));
    assertTrue(r.stats().jobRejections().get(JobRejection.SUBMITTER_LIMIT) > 0);
  }

  @Test
  void betterPrioritySubmitterIsServedFirst() {
    UserPriorities prios = UserPriorities.withDefaults(T0);
    prios.setPriorityFactor("bob", 3000);
    CycleResult r = CYCLE.run(
        List.of(queue("bob", 2, 5), queue("alice", 1, 5)), slots(10), 10, prios);
    assertEquals("alice", r.matches().get(0).submitter());
  }

  @Test
  void leftoverPieOfASatisfiedSubmitterGoesToTheOthersInLaterSpins() {
    UserPriorities prios = UserPriorities.withDefaults(T0);
    CycleResult r = CYCLE.run(
        List.of(queue("alice", 1, 10), queue("bob", 2, 200)), slots(100), 100, prios);
    assertEquals(Map.of("alice", 10L, "bob", 90L), matchesBySubmitter(r));
    assertTrue(r.stats().spins() > 1);
    assertEquals(2, r.stats().submittersServed());
  }

  @Test
  void slotsAlreadyHeldCountAgainstTheShare() {
    UserPriorities prios = UserPriorities.withDefaults(T0);
    prios.setResourcesUsed("alice", 40, T0);
    CycleResult r = CYCLE.run(
        List.of(queue("alice", 1, 200), queue("bob", 2, 200)), slots(60), 100, prios);
    assertEquals(Map.of("alice", 10L, "bob", 50L), matchesBySubmitter(r));
  }

  @Test
  void jobRequirementsAreEnforced() {
    List<ClassAd> slots = List.of(slot("slot1@small", "SiteA", 2000), slot("slot1@big", "SiteA", 8000));
    CycleResult r = CYCLE.run(
        List.of(new SubmitterQueue("s", "alice", List.of(job("alice", 1, 0, 4000)))),
        slots, 2, UserPriorities.withDefaults(T0));
    assertEquals(List.of("slot1@big"), slotNames(r));
    assertEquals(1L, r.stats().slotRejections().get(SlotRejection.JOB_REQUIREMENTS));
  }

  @Test
  void slotRequirementsAreEnforced() {
    ClassAd picky = slot("slot1@a", "SiteA", 2000).insert("START", "TARGET.Owner != \"mallory\"");
    CycleResult r = CYCLE.run(
        List.of(new SubmitterQueue("s", "mallory", List.of(job("mallory", 1, 0, 1000)))),
        List.of(picky), 1, UserPriorities.withDefaults(T0));
    assertEquals(List.of(), r.matches());
    assertEquals(1L, r.stats().slotRejections().get(SlotRejection.SLOT_REQUIREMENTS));
    assertEquals(1L, r.stats().jobRejections().get(JobRejection.NO_MATCH));
  }

  @Test
  void slotRequirementsTakePrecedenceOverStart() {
    ClassAd slot = slot("slot1@a", "SiteA", 2000).insert("Requirements", "false");
    CycleResult r = CYCLE.run(
        List.of(new SubmitterQueue("s", "alice", List.of(job("alice", 1, 0, 1000)))),
        List.of(slot), 1, UserPriorities.withDefaults(T0));
    assertEquals(List.of(), r.matches());
  }

  @Test
  void jobRankPicksTheSlotTheJobPrefers() {
    ClassAd ad = jobAd("alice", 1, 0, 1000).insert("Rank", "TARGET.Memory");
    List<ClassAd> slots = List.of(
        slot("slot1@a", "SiteA", 2000), slot("slot1@b", "SiteA", 8000), slot("slot1@c", "SiteA", 4000));
    CycleResult r = CYCLE.run(
        List.of(new SubmitterQueue("s", "alice", List.of(new IdleJob(JobId.of(1, 0), ad)))),
        slots, 3, UserPriorities.withDefaults(T0));
    assertEquals(List.of("slot1@b"), slotNames(r));
  }

  @Test
  void slotRankBreaksTiesBetweenSlotsTheJobRanksEqually() {
    List<ClassAd> slots = List.of(
        slot("slot1@a", "SiteA", 2000),
        slot("slot1@b", "SiteA", 2000).insert("Rank", "TARGET.Owner == \"alice\""));
    CycleResult r = CYCLE.run(
        List.of(new SubmitterQueue("s", "alice", List.of(job("alice", 1, 0, 1000)))),
        slots, 2, UserPriorities.withDefaults(T0));
    assertEquals(List.of("slot1@b"), slotNames(r));
  }

  @Test
  void equallyRankedSlotsGoInNameOrder() {
    List<ClassAd> slots = List.of(
        slot("slot2@a", "SiteA", 2000), slot("slot1@b", "SiteA", 2000), slot("slot1@a", "SiteA", 2000));
    CycleResult r = CYCLE.run(List.of(queue("alice", 1, 3)), slots, 3, UserPriorities.withDefaults(T0));
    assertEquals(List.of("slot1@a", "slot1@b", "slot2@a"), slotNames(r));
  }

  @Test
  void excludedSiteIsNotMatchedButAnotherSiteIs() {
    IdleJob denied = new IdleJob(JobId.of(1, 0), jobAd("alice", 1, 0, 1000), List.of("SiteA"));
    List<ClassAd> slots = List.of(slot("slot1@a", "SiteA", 2000), slot("slot1@b", "SiteB", 2000));
    CycleResult r = CYCLE.run(List.of(new SubmitterQueue("s", "alice", List.of(denied))),
        slots, 2, UserPriorities.withDefaults(T0));
    assertEquals(List.of("slot1@b"), slotNames(r));
    assertEquals(1L, r.stats().slotRejections().get(SlotRejection.EXCLUDED_SITE));
  }

  @Test
  void jobExcludedFromEverySiteWithSlotsIsRejected() {
    IdleJob denied = new IdleJob(JobId.of(1, 0), jobAd("alice", 1, 0, 1000), List.of("SiteA"));
    CycleResult r = CYCLE.run(List.of(new SubmitterQueue("s", "alice", List.of(denied))),
        List.of(slot("slot1@a", "SiteA", 2000)), 1, UserPriorities.withDefaults(T0));
    assertEquals(List.of(), r.matches());
    assertEquals(1L, r.stats().jobRejections().get(JobRejection.NO_MATCH));
  }

  @Test
  void identicalJobsAndSlotsShareOneMatchEvaluation() {
    CycleResult r = CYCLE.run(List.of(queue("alice", 1, 50)), slots(80), 80,
        UserPriorities.withDefaults(T0));
    assertEquals(50, r.matches().size());
    assertEquals(1, r.stats().autoclusters());
    assertEquals(1, r.stats().slotClasses());
    assertEquals(1, r.stats().matchEvaluations());
  }

  @Test
  void jobRankOnProcIdKeepsJobsApart() {
    // each job prefers the slot whose memory equals its ProcId-derived size
    List<IdleJob> jobs = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      jobs.add(new IdleJob(JobId.of(1, p), jobAd("alice", 1, p, 1000)
          .insert("Rank", "TARGET.Memory == 2000 + MY.ProcId")));
    }
    List<ClassAd> slots = List.of(
        slot("slot1@a", "SiteA", 2002), slot("slot1@b", "SiteA", 2001), slot("slot1@c", "SiteA", 2000));
    CycleResult r = CYCLE.run(List.of(new SubmitterQueue("s", "alice", jobs)), slots, 3,
        UserPriorities.withDefaults(T0));
    assertEquals(List.of("slot1@c", "slot1@b", "slot1@a"), slotNames(r));
  }

  @Test
  void autoclustersGiveTheSameMatchesAsTheNaiveLoop() {
    for (long seed = 1; seed <= 3; seed++) {
      CycleResult[] both = compareWithNaive(seed, false);
      assertTrue(both[0].stats().matchEvaluations() < both[1].stats().matchEvaluations() / 5,
          "seed " + seed + ": " + both[0].stats() + " vs " + both[1].stats());
    }
  }

  @Test
  void autoclustersGiveTheSameMatchesAsTheNaiveLoopWhenSlotsLookAtProcId() {
    for (long seed = 4; seed <= 6; seed++) {
      compareWithNaive(seed, true);
    }
  }

  /** Runs both matchers on a seeded random pool; asserts equal matches; returns {fast, naive}. */
  private static CycleResult[] compareWithNaive(long seed, boolean slotsMentionProcId) {
    {
      RandomGenerator rnd = new RandomStreams(seed).forEntity("negotiation-test");
      List<ClassAd> slots = randomSlots(rnd, 300, slotsMentionProcId);
      List<SubmitterQueue> queues = randomQueues(rnd);
      UserPriorities prios = UserPriorities.withDefaults(T0);
      for (String user : List.of("alice", "bob", "carol", "dave")) {
        prios.setPriorityFactor(user, 1000 * (1 + rnd.nextInt(4)));
        prios.setResourcesUsed(user, rnd.nextInt(20), T0);
      }
      CycleResult fast = NegotiationCycle.withAutoclusters().run(queues, slots, 400, prios);
      CycleResult naive = NegotiationCycle.naive().run(queues, slots, 400, prios);
      assertTrue(fast.matches().size() > 50, "seed " + seed + " should match a fair number");
      assertEquals(naive.matches(), fast.matches(), "seed " + seed);
      return new CycleResult[] {fast, naive};
    }
  }

  private static List<ClassAd> randomSlots(RandomGenerator rnd, int n, boolean mentionProcId) {
    String[] sites = {"SiteA", "SiteB", "SiteC"};
    int[] memories = {1000, 2000, 4000};
    List<ClassAd> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ClassAd s = slot(String.format("slot%d@wn%03d", 1 + rnd.nextInt(2), i),
          sites[rnd.nextInt(sites.length)], memories[rnd.nextInt(memories.length)]);
      s.set("Cpus", 1 + rnd.nextInt(2));
      switch (rnd.nextInt(5)) {
        case 0 -> s.insert("START", "TARGET.RequestMemory <= MY.Memory && TARGET.Owner != \"dave\"");
        case 1 -> s.insert("Rank", "TARGET.Owner == \"bob\"");
        case 2 -> {
          if (mentionProcId) {
            s.insert("START", "TARGET.RequestMemory <= MY.Memory && TARGET.ProcId % 3 != 0");
          }
        }
        default -> { }
      }
      out.add(s);
    }
    return out;
  }

  private static List<SubmitterQueue> randomQueues(RandomGenerator rnd) {
    List<SubmitterQueue> queues = new ArrayList<>();
    int cluster = 1;
    for (String user : List.of("alice", "bob", "carol", "dave")) {
      List<IdleJob> jobs = new ArrayList<>();
      for (int c = 0; c < 6; c++, cluster++) {
        int memory = 500 * (1 + rnd.nextInt(8));
        int kind = rnd.nextInt(6);
        List<String> excluded = rnd.nextInt(3) == 0 ? List.of("SiteB") : List.of();
        int size = 5 + rnd.nextInt(40);
        for (int p = 0; p < size; p++) {
          ClassAd ad = jobAd(user, cluster, p, memory);
          switch (kind) {
            case 0 -> ad.insert("Rank", "TARGET.Memory");
            case 1 -> ad.insert("Rank", "TARGET.Memory == 2000 + MY.ProcId % 2");
            case 2 -> ad.insert("Requirements",
                "TARGET.Memory >= MY.RequestMemory && TARGET.Machine != \"wn007\"");
            case 3 -> ad.insert("Rank", "- TARGET.Cpus");
            default -> { }
          }
          jobs.add(new IdleJob(JobId.of(cluster, p), ad, excluded));
        }
      }
      queues.add(new SubmitterQueue("schedd" + (1 + rnd.nextInt(2)), user, jobs));
    }
    return queues;
  }
}
