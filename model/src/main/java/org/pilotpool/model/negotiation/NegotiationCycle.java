package org.pilotpool.model.negotiation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.classad.Value;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.job.JobQueue;

/**
 * One negotiation cycle of HTCondor's matchmaker (8.8 {@code Matchmaker::negotiateWithGroup} with
 * no accounting groups and no preemption).
 *
 * <h2>Fair share: the pie spin</h2>
 * Submitters are served in effective-priority order (smaller first). In each spin, submitter
 * {@code i} is entitled to {@code share_i * poolSlots - used_i} slots (never below 0), where
 * {@code share_i = (1/eup_i) / sum(1/eup_j)} over the submitters still asking, {@code poolSlots}
 * counts claimed and unclaimed slots, and {@code used_i} the slots it holds (including matches made
 * earlier in this cycle). The sum of these limits is the pie left. A submitter's limit is capped by
 * the pie left; it is matched while {@code used + 1 <= 0.99 * limit}, or once per spin when it has
 * had nothing yet in the spin and there is pie left for one slot (HTCondor's
 * {@code SubmitterLimitPermits}, which rounds up to leave no crumbs). Spins repeat while the pie
 * shrank or a submitter finished, submitters remain and slots remain; after the first spin a
 * submitter whose limit or the pie left is below one slot is skipped.
 *
 * <h2>Matching a job</h2>
 * A slot is a candidate for a job when its {@code GLIDEIN_Site} is not on the job's excluded-site
 * list, the job's Requirements are true against it and its Requirements (or START) are true against
 * the job. The job takes the candidate with the highest job Rank, then the highest slot Rank, then
 * the smallest slot name, and the slot leaves the cycle. A job with no candidate is rejected and,
 * as HTCondor's schedd does, no other job of its autocluster is offered in this cycle.
 *
 * <h2>Autoclusters</h2>
 * Schedds hand their idle jobs over as {@link Autocluster}s (one representative ad, a count and
 * the job ids), grouped by {@link AutoclusterSignature} under the identity attributes this cycle's
 * slots make significant; the cycle walks each submitter's jobs in submission order across its
 * autoclusters, so its cost follows the autoclusters and the matches, not the idle jobs. A
 * queue's autoclusters that share a signature here are one group; slots whose
 * ads are identical apart from {@code Name}, {@code Machine}, {@code SlotID} and {@code MyAddress}
 * form a slot class. Requirements and Ranks are evaluated once per (autocluster, slot class), and
 * each autocluster's sorted candidate list is kept for the whole cycle (slots only leave it). An
 * identity attribute stops being ignored wherever an expression mentions it, so the result is
 * always the one the plain job-by-slot loop ({@link #naive()}) gives; the tests check that.
 *
 * <h2>Deviations from HTCondor</h2>
 * Every slot weighs 1 (HTCondor 8.8 weighs by {@code SLOT_WEIGHT}, default Cpus); no
 * {@code NEGOTIATOR_PRE_JOB_RANK}/{@code POST_JOB_RANK}; slot Rank is the second sort key instead of
 * a preemption criterion; ties between equal submitters break by submitter then schedd name instead
 * of HTCondor's starvation ratio and pseudo-random order; a rejected autocluster stays rejected for
 * the rest of the cycle instead of being re-offered in later spins (it could not match anyway, since
 * slots only leave a cycle); no per-submitter or per-cycle time limits; once every slot is taken,
 * submitters are not asked for more jobs; a schedd's MAX_JOBS_RUNNING room is split among its
 * submitters beforehand ({@link SubmitterQueue#maxMatches()}) and counts matches, where HTCondor's
 * schedd refuses further matches once the room is used up.
 */
public final class NegotiationCycle {
  /** The slot attribute that names the slot's site (glideinWMS). */
  public static final String GLIDEIN_SITE = "GLIDEIN_Site";

  /** Above this, a submitter's next match must fit in 99% of its limit (HTCondor's fudge factor). */
  private static final double LIMIT_FUDGE = 0.99;

  private static final List<String> SLOT_IDENTITY = List.of("name", "machine", "slotid", "myaddress");

  private final boolean autoclusters;

  private NegotiationCycle(boolean autoclusters) {
    this.autoclusters = autoclusters;
  }

  /** Matching by autocluster and slot class: the one to use. */
  public static NegotiationCycle withAutoclusters() {
    return new NegotiationCycle(true);
  }

  /**
   * Every job against every slot: the reference the autocluster matcher must agree with, and a
   * switch to rule the optimisation out when a result looks wrong.
   */
  public static NegotiationCycle naive() {
    return new NegotiationCycle(false);
  }

  /**
   * Runs one cycle.
   *
   * @param queues idle jobs per (schedd, submitter), each in the schedd's order
   * @param unclaimedSlots the slots that can be matched; every ad has a unique string {@code Name}
   * @param poolSlots slots in the pool, claimed or not (raised to the number of unclaimed slots)
   * @param priorities effective priorities and current usage per submitter
   */
  public CycleResult run(
      List<SubmitterQueue> queues, List<ClassAd> unclaimedSlots, double poolSlots,
      PriorityView priorities) {
    long idleJobs = 0;
    for (SubmitterQueue q : queues) {
      idleJobs += q.idleJobs();
    }
    if (idleJobs == 0) {
      // Nothing to match: spare sorting the slots, as most cycles of a drained pool are.
      return new CycleResult(List.of(), CycleStats.empty(0, unclaimedSlots.size(),
          Math.max(poolSlots, unclaimedSlots.size())));
    }
    return new Run(queues, unclaimedSlots, poolSlots, priorities).execute();
  }

  // ---------------------------------------------------------------------------------------------

  /** Slots with identical ads apart from identity attributes; members ascend in name order. */
  private static final class SlotClass {
    final ClassAd representative;
    final String site;
    final int[] members;
    int available;

    SlotClass(ClassAd representative, String site, int[] members) {
      this.representative = representative;
      this.site = site;
      this.members = members;
      this.available = members.length;
    }
  }

  /** Candidate slot classes with equal (job Rank, slot Rank), merged by slot name. */
  private static final class Tier {
    final double jobRank;
    final double slotRank;
    final List<SlotClass> classes = new ArrayList<>();
    int[] cursors;

    Tier(double jobRank, double slotRank) {
      this.jobRank = jobRank;
      this.slotRank = slotRank;
    }
  }

  /** Jobs of a queue that share one candidate list. */
  private abstract static class Group {
    boolean rejected;

    /** The best slot still free for this group's jobs, or -1; does not take it. */
    abstract int peek();
  }

  private final class Run {
    private final List<SubmitterQueue> queues;
    private final double poolSlots;
    private final PriorityView priorities;

    private final ClassAd[] slots;
    private final String[] slotNames;
    private final String[] slotSites;
    private final boolean[] taken;
    private int freeSlots;

    private final Map<String, Double> usage = new HashMap<>();
    private final Map<String, Double> eup = new HashMap<>();
    private double pieLeft;

    private SlotClass[] classOf;
    private List<SlotClass> slotClasses;
    private SlotClass[] singletonOf;
    private List<SlotClass> singletons;
    private AutoclusterSignature signature;
    private Pattern slotIdentityMention;

    private final List<Match> matches = new ArrayList<>();
    private long jobsConsidered;
    private long slotsEvaluated;
    private long matchEvaluations;
    private int groupsFormed;
    private final EnumMap<JobRejection, Long> jobRejections = new EnumMap<>(JobRejection.class);
    private final EnumMap<SlotRejection, Long> slotRejections = new EnumMap<>(SlotRejection.class);

    Run(List<SubmitterQueue> queues, List<ClassAd> unclaimed, double poolSlots,
        PriorityView priorities) {
      this.queues = queues;
      this.priorities = priorities;
      this.poolSlots = Math.max(poolSlots, unclaimed.size());
      // Names evaluated once each, not once per comparison.
      List<Map.Entry<String, ClassAd>> named = new ArrayList<>(unclaimed.size());
      for (ClassAd ad : unclaimed) {
        named.add(Map.entry(CollectorState.nameOf(ad), ad));
      }
      named.sort(Map.Entry.comparingByKey());
      this.slots = new ClassAd[named.size()];
      this.slotNames = new String[slots.length];
      this.slotSites = new String[slots.length];
      for (int i = 0; i < slots.length; i++) {
        slots[i] = named.get(i).getValue();
        slotNames[i] = named.get(i).getKey();
        if (i > 0 && slotNames[i].equals(slotNames[i - 1])) {
          throw new IllegalArgumentException("two unclaimed slots named " + slotNames[i]);
        }
        slotSites[i] = siteOf(slots[i]);
      }
      this.taken = new boolean[slots.length];
      this.freeSlots = slots.length;
    }

    CycleResult execute() {
      long idleJobs = 0;
      List<Party> active = new ArrayList<>();
      for (SubmitterQueue q : queues) {
        idleJobs += q.idleJobs();
        eup.computeIfAbsent(q.submitter(), priorities::effectivePriority);
        usage.computeIfAbsent(q.submitter(), priorities::resourcesUsed);
        if (q.idleJobs() > 0) {
          active.add(new Party(q));
        }
      }
      if (active.isEmpty() || slots.length == 0) {
        return new CycleResult(List.of(), CycleStats.empty(idleJobs, slots.length, poolSlots));
      }
      if (autoclusters) {
        buildSlotClasses();
      }
      active.sort(Comparator.<Party>comparingDouble(p -> eup.get(p.queue.submitter()))
          .thenComparing(p -> p.queue.submitter())
          .thenComparing(p -> p.queue.schedd()));
      List<Party> all = List.copyOf(active);
      int spins = 0;
      double pieLeftOrig;
      int activeOrig;
      do {
        spins++;
        double maxPrio = 0;
        for (Party p : active) {
          maxPrio = Math.max(maxPrio, eup.get(p.queue.submitter()));
        }
        double normalFactor = 0;
        Set<String> seen = new TreeSet<>();
        for (Party p : active) {
          if (seen.add(p.queue.submitter())) {
            normalFactor += maxPrio / eup.get(p.queue.submitter());
          }
        }
        pieLeft = 0;
        for (Party p : active) {
          pieLeft += limit(p, maxPrio, normalFactor);
        }
        if (pieLeft <= 0) {
          break;
        }
        pieLeftOrig = pieLeft;
        activeOrig = active.size();
        for (Party p : List.copyOf(active)) {
          double limit = Math.min(limit(p, maxPrio, normalFactor), pieLeft);
          if (spins > 1 && (limit < 1 || pieLeft < 1)) {
            continue;
          }
          if (negotiate(p, limit)) {
            active.remove(p);
          }
        }
      } while ((pieLeft < pieLeftOrig || active.size() < activeOrig)
          && !active.isEmpty() && freeSlots > 0);

      int served = 0;
      for (Party p : all) {
        if (p.matched > 0) {
          served++;
        }
      }
      CycleStats stats = new CycleStats(idleJobs, slots.length, poolSlots, jobsConsidered,
          matches.size(), spins, groupsFormed, slotClasses == null ? 0 : slotClasses.size(),
          slotsEvaluated, matchEvaluations, all.size(), served, jobRejections, slotRejections);
      return new CycleResult(matches, stats);
    }

    private double limit(Party p, double maxPrio, double normalFactor) {
      String s = p.queue.submitter();
      double share = maxPrio / (eup.get(s) * normalFactor);
      return Math.max(0, share * poolSlots - usage.get(s));
    }

    /**
     * Offers the party's jobs, in submission order over its autoclusters, until they run out or
     * the schedd takes no more matches (true) or its limit or the slots run out (false).
     */
    private boolean negotiate(Party p, double limit) {
      int used = 0;
      while (!p.heads.isEmpty() && p.matched < p.queue.maxMatches()) {
        if (freeSlots == 0) {
          return false;
        }
        Cursor c = p.heads.peek();
        Group group = p.groupOf(c);
        if (group.rejected) {
          // HTCondor's schedd offers no other job of a rejected autocluster in this cycle.
          p.heads.poll();
          continue;
        }
        int slot = group.peek();
        jobsConsidered++;
        if (slot < 0) {
          group.rejected = true;
          jobRejections.merge(JobRejection.NO_MATCH, 1L, Long::sum);
          p.heads.poll();
          continue;
        }
        if (!permits(used, limit)) {
          jobRejections.merge(JobRejection.SUBMITTER_LIMIT, 1L, Long::sum);
          return false;
        }
        take(slot);
        matches.add(new Match(p.queue.schedd(), p.queue.submitter(), c.head(),
            slotNames[slot]));
        used++;
        pieLeft -= 1;
        usage.merge(p.queue.submitter(), 1.0, Double::sum);
        p.matched++;
        p.heads.poll();
        c.pos++;
        if (c.pos < c.cluster.jobs().size()) {
          p.heads.add(c);
        }
      }
      return true;
    }

    private boolean permits(int used, double allowed) {
      return used + 1 <= LIMIT_FUDGE * allowed
          || (used == 0 && allowed > 0 && pieLeft >= LIMIT_FUDGE);
    }

    private void take(int slot) {
      taken[slot] = true;
      freeSlots--;
      if (classOf != null) {
        classOf[slot].available--;
      }
      if (singletonOf != null) {
        singletonOf[slot].available--;
      }
    }

    // ---- one (schedd, submitter) queue ----

    private final class Party {
      final SubmitterQueue queue;
      final Map<Object, Group> groups = new HashMap<>();
      /** Each autocluster's next job, the earliest submitted first. */
      final PriorityQueue<Cursor> heads =
          new PriorityQueue<>((a, b) -> JobQueue.ORDER.compare(a.head(), b.head()));
      int matched;

      Party(SubmitterQueue queue) {
        this.queue = queue;
        for (Autocluster a : queue.autoclusters()) {
          heads.add(new Cursor(a));
        }
      }

      Group groupOf(Cursor c) {
        IdleJob job = new IdleJob(c.head(), c.cluster.representative(), c.cluster.excludedSites());
        if (!autoclusters) {
          groupsFormed++;
          return new NaiveGroup(job);
        }
        if (c.group != null) {
          return c.group;
        }
        Object key = signature.key(job.ad(), job.excludedSites());
        Group g = groups.get(key);
        if (g == null) {
          AutoclusterGroup ac = new AutoclusterGroup(job);
          groupsFormed++;
          if (ac.perJob) {
            if (c.cluster.jobs().size() > 1) {
              throw new IllegalArgumentException("autocluster of " + c.head().clusterProc()
                  + " mentions a job identity attribute but holds " + c.cluster.jobs().size()
                  + " jobs; its schedd grouped without the slots' significant attributes");
            }
            return ac;
          }
          groups.put(key, ac);
          g = ac;
        }
        c.group = g;
        return g;
      }
    }

    /** Where a party stands in one of its autoclusters. */
    private static final class Cursor {
      final Autocluster cluster;
      int pos;
      Group group;

      Cursor(Autocluster cluster) {
        this.cluster = cluster;
      }

      JobId head() {
        return cluster.jobs().get(pos);
      }
    }

    // ---- the plain loop ----

    private final class NaiveGroup extends Group {
      final IdleJob job;

      NaiveGroup(IdleJob job) {
        this.job = job;
      }

      @Override
      int peek() {
        int best = -1;
        double bestJobRank = 0;
        double bestSlotRank = 0;
        for (int i = 0; i < slots.length; i++) {
          if (taken[i]) {
            continue;
          }
          if (!candidate(job, slots[i], slotSites[i], 1)) {
            continue;
          }
          double jr = ClassAd.rank(job.ad(), slots[i]);
          double sr = ClassAd.rank(slots[i], job.ad());
          int byJob = Double.compare(jr, bestJobRank);
          if (best < 0 || byJob > 0 || (byJob == 0 && Double.compare(sr, bestSlotRank) > 0)) {
            best = i;
            bestJobRank = jr;
            bestSlotRank = sr;
          }
        }
        return best;
      }
    }

    // ---- autoclusters ----

    private final class AutoclusterGroup extends Group {
      final IdleJob representative;
      final boolean perJob;
      final boolean perSlot;
      List<Tier> tiers;
      int tierCursor;

      AutoclusterGroup(IdleJob representative) {
        this.representative = representative;
        this.perJob = signature.perJob(representative.ad());
        this.perSlot = slotIdentityMention.matcher(
            AutoclusterSignature.keyText(representative.ad(), signature.ignored())).find();
      }

      @Override
      int peek() {
        if (tiers == null) {
          tiers = candidates();
        }
        while (tierCursor < tiers.size()) {
          Tier t = tiers.get(tierCursor);
          int best = -1;
          for (int c = 0; c < t.classes.size(); c++) {
            int[] members = t.classes.get(c).members;
            int k = t.cursors[c];
            while (k < members.length && taken[members[k]]) {
              k++;
            }
            t.cursors[c] = k;
            if (k < members.length && (best < 0 || members[k] < best)) {
              best = members[k];
            }
          }
          if (best >= 0) {
            return best;
          }
          tierCursor++;
        }
        return -1;
      }

      private List<Tier> candidates() {
        List<SlotClass> pool = perSlot ? singletonClasses() : slotClasses;
        List<Tier> found = new ArrayList<>();
        Map<List<Double>, Tier> byRanks = new HashMap<>();
        ClassAd job = representative.ad();
        for (SlotClass sc : pool) {
          if (sc.available == 0) {
            continue;
          }
          if (!candidate(representative, sc.representative, sc.site, sc.available)) {
            continue;
          }
          double jr = ClassAd.rank(job, sc.representative);
          double sr = ClassAd.rank(sc.representative, job);
          Tier t = byRanks.computeIfAbsent(List.of(jr, sr), k -> {
            Tier nt = new Tier(jr, sr);
            found.add(nt);
            return nt;
          });
          t.classes.add(sc);
        }
        found.sort((a, b) -> {
          int c = Double.compare(b.jobRank, a.jobRank);
          return c != 0 ? c : Double.compare(b.slotRank, a.slotRank);
        });
        for (Tier t : found) {
          t.cursors = new int[t.classes.size()];
        }
        return found;
      }
    }

    /**
     * Whether the slot is a candidate for the job; {@code weight} slots stand behind the pair for
     * the counters.
     */
    private boolean candidate(IdleJob job, ClassAd slot, String site, int weight) {
      slotsEvaluated += weight;
      if (site != null && job.excludedSites().contains(site)) {
        slotRejections.merge(SlotRejection.EXCLUDED_SITE, (long) weight, Long::sum);
        return false;
      }
      matchEvaluations++;
      if (!CollectorState.isTrue(job.ad().evaluate(REQUIREMENTS, slot))) {
        slotRejections.merge(SlotRejection.JOB_REQUIREMENTS, (long) weight, Long::sum);
        return false;
      }
      String policy = slot.contains(REQUIREMENTS) ? REQUIREMENTS : START;
      if (!CollectorState.isTrue(slot.evaluate(policy, job.ad()))) {
        slotRejections.merge(SlotRejection.SLOT_REQUIREMENTS, (long) weight, Long::sum);
        return false;
      }
      return true;
    }

    private void buildSlotClasses() {
      Map<SlotKey, List<Integer>> byKey = new LinkedHashMap<>();
      Set<String> slotIgnored = Set.copyOf(SLOT_IDENTITY);
      for (int i = 0; i < slots.length; i++) {
        byKey.computeIfAbsent(new SlotKey(AutoclusterSignature.attributeParts(slots[i], slotIgnored)), k -> new ArrayList<>())
            .add(i);
      }
      Pattern ownMention = AutoclusterSignature.mentionPattern(SLOT_IDENTITY);
      StringBuilder allText = new StringBuilder();
      slotClasses = new ArrayList<>();
      classOf = new SlotClass[slots.length];
      for (List<Integer> members : byKey.values()) {
        ClassAd rep = slots[members.get(0)];
        String text = AutoclusterSignature.keyText(rep, Set.of());
        allText.append(text).append('\n');
        boolean split = members.size() > 1 && ownMention.matcher(AutoclusterSignature.keyText(rep, slotIgnored)).find();
        if (split) {
          for (int m : members) {
            addClass(new int[] {m});
          }
        } else {
          addClass(members.stream().mapToInt(Integer::intValue).toArray());
        }
      }
      slotClasses.sort(Comparator.comparingInt(c -> c.members[0]));
      signature = AutoclusterSignature.withSignificant(
          AutoclusterSignature.significantIn(allText.toString()));
      slotIdentityMention = ownMention;
    }

    private void addClass(int[] members) {
      SlotClass sc = new SlotClass(slots[members[0]], slotSites[members[0]], members);
      slotClasses.add(sc);
      for (int m : members) {
        classOf[m] = sc;
      }
    }

    private List<SlotClass> singletonClasses() {
      if (singletons == null) {
        singletons = new ArrayList<>(slots.length);
        singletonOf = new SlotClass[slots.length];
        for (int i = 0; i < slots.length; i++) {
          SlotClass sc = new SlotClass(slots[i], slotSites[i], new int[] {i});
          sc.available = taken[i] ? 0 : 1;
          singletons.add(sc);
          singletonOf[i] = sc;
        }
      }
      return singletons;
    }
  }

  private static final String REQUIREMENTS = "Requirements";
  private static final String START = "START";

  private static String siteOf(ClassAd slot) {
    Value v = slot.evaluate(GLIDEIN_SITE);
    return v.isString() ? v.asString() : null;
  }

  /** A slot class signature, hashed once. */
  private static final class SlotKey {
    private final Object[] parts;
    private final int hash;

    SlotKey(Object[] parts) {
      this.parts = parts;
      this.hash = Arrays.hashCode(parts);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SlotKey k && k.hash == hash && Arrays.equals(k.parts, parts);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
