package org.pilotpool.negotiator;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.pilotpool.collector.Collector;
import org.pilotpool.kernel.PoolContext;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.classad.Expr;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.negotiation.AutoclusterSignature;
import org.pilotpool.model.negotiation.CycleResult;
import org.pilotpool.model.negotiation.CycleStats;
import org.pilotpool.model.negotiation.Match;
import org.pilotpool.model.negotiation.NegotiationCycle;
import org.pilotpool.model.negotiation.SubmitterQueue;
import org.pilotpool.model.negotiation.UserPriorities;

/**
 * The negotiator: every {@code NEGOTIATOR_INTERVAL} it asks the collector for slot ads, then each
 * registered schedd for its idle jobs grouped by the attributes those slots make significant, runs a {@link NegotiationCycle} over the Unclaimed slots
 * with the accountant's priorities, and sends each match to its schedd. Schedds that have not
 * answered within {@code NEGOTIATOR_TIMEOUT} are left out of that cycle. The schedds' answers also
 * carry their claims' usage, which the accountant charges as it ages the priorities at the start
 * of every cycle.
 */
public final class Negotiator {
  private Negotiator() {}

  /** What the negotiator hears. */
  public sealed interface Command
      permits RegisterSchedd, IdleJobs, GetCycleStats, SlotsReceived, Tick, CycleTimedOut {}

  /** A schedd joins the pool; registering again under the same name replaces the reference. */
  public record RegisterSchedd(String name, ActorRef<ScheddMessage> schedd) implements Command {}

  /**
   * A schedd's answer to {@link GetIdleJobs}: its idle jobs per submitter, in its order, and the
   * usage of every submitter that has held one of its claims.
   */
  public record IdleJobs(String schedd, long cycle, List<SubmitterQueue> queues,
      SortedMap<String, Usage> usage) implements Command {
    public IdleJobs {
      queues = List.copyOf(queues);
      usage = Collections.unmodifiableSortedMap(new TreeMap<>(usage));
    }
  }

  /**
   * A submitter's claims at one schedd, as the schedd answers a cycle: the accountant charges
   * the slot time between two answers, so a claim that began or ended between cycles costs
   * exactly the time it was held (HTCondor's "uncharged time").
   *
   * @param claims the claims held now
   * @param slotSeconds the slot time all its claims at the schedd have held so far, a running
   *     total that never goes down
   */
  public record Usage(int claims, double slotSeconds) {
    public Usage {
      if (claims < 0 || !(slotSeconds >= 0)) {
        throw new IllegalArgumentException(
            "usage must be >= 0, got " + claims + " claims and " + slotSeconds + " slot-seconds");
      }
    }
  }

  /** Asks for the negotiator's figures. */
  public record GetCycleStats(ActorRef<NegotiatorStats> replyTo) implements Command {}

  private record SlotsReceived(long cycle, Collector.SlotAds ads) implements Command {}

  private enum Tick implements Command {
    INSTANCE
  }

  private record CycleTimedOut(long cycle) implements Command {}

  /** Messages the negotiator sends to schedds. */
  public sealed interface ScheddMessage permits GetIdleJobs, MatchFound {}

  /**
   * Asks a schedd for its idle jobs; it answers with {@link IdleJobs} carrying the same cycle.
   *
   * @param significantIdentity the job identity attributes (lower case) the cycle's slots mention:
   *     the schedd's autoclusters must tell jobs apart by them (HTCondor's SIGNIFICANT_ATTRIBUTES)
   * @param slots the unclaimed slots of the cycle: no autocluster can get more matches
   */
  public record GetIdleJobs(long cycle, Set<String> significantIdentity, int slots,
      ActorRef<Command> replyTo) implements ScheddMessage {
    public GetIdleJobs {
      significantIdentity = Set.copyOf(significantIdentity);
    }
  }

  /**
   * A slot for one of the schedd's jobs: the schedd is to claim it ({@code REQUEST_CLAIM}).
   *
   * @param startd the startd the slot advertised, when it advertised one
   */
  public record MatchFound(
      long cycle, String submitter, JobId job, String slotName, ClassAd slotAd,
      Optional<ActorRef<?>> startd) implements ScheddMessage {}

  /**
   * The negotiator's figures.
   *
   * @param cycles cycles completed
   * @param ticksSkipped interval ticks that found the previous cycle still running
   * @param totalMatches matches over all cycles
   * @param lastCycle the last completed cycle's figures, if any
   * @param priorities each known submitter's standing, by name
   */
  public record NegotiatorStats(
      long cycles, long ticksSkipped, long totalMatches, Optional<CycleStats> lastCycle,
      List<SubmitterPriority> priorities) {
    public NegotiatorStats {
      priorities = List.copyOf(priorities);
    }
  }

  /** One line of {@code condor_userprio}. */
  public record SubmitterPriority(
      String submitter, double realPriority, double priorityFactor, double effectivePriority,
      double resourcesUsed) {}

  public static Behavior<Command> create(
      NegotiatorSettings settings, ActorRef<Collector.Command> collector) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      InstantSource clock = PoolContext.get(ctx.getSystem()).clock();
      timers.startSingleTimer(Tick.INSTANCE, settings.interval());
      return new Negotiator.State(ctx, timers, settings, collector, clock).behavior();
    }));
  }

  private static final class State {
    private final ActorContext<Command> ctx;
    private final TimerScheduler<Command> timers;
    private final NegotiatorSettings settings;
    private final ActorRef<Collector.Command> collector;
    private final InstantSource clock;
    private final UserPriorities priorities;
    private final NegotiationCycle matcher;
    private final ActorRef<Collector.SlotAds> slotAdapter;
    /**
     * {@code NEGOTIATOR_SLOT_CONSTRAINT} and Unclaimed: the negotiator does not preempt, so a
     * claimed slot is of no use to a cycle, and asking for the Unclaimed ones only keeps a cycle's
     * cost with the free slots rather than with the size of the pool.
     */
    private final Expr slotQuery;

    private final TreeMap<String, ActorRef<ScheddMessage>> schedds = new TreeMap<>();
    /** Per schedd and submitter, the usage of its last answer: what has been charged so far. */
    private final TreeMap<String, TreeMap<String, Usage>> charged = new TreeMap<>();

    private long cycle;
    private boolean inProgress;
    private final TreeSet<String> awaiting = new TreeSet<>();
    /** This cycle's answers, by schedd. */
    private final TreeMap<String, IdleJobs> received = new TreeMap<>();
    private Collector.SlotAds slots;
    /** The ads of the cycle's slots (all Unclaimed), in the collector's name order. */
    private List<ClassAd> unclaimedAds;

    private long cycles;
    private long ticksSkipped;
    private long totalMatches;
    private CycleStats lastCycle;

    State(ActorContext<Command> ctx, TimerScheduler<Command> timers, NegotiatorSettings settings,
        ActorRef<Collector.Command> collector, InstantSource clock) {
      this.ctx = ctx;
      this.timers = timers;
      this.settings = settings;
      this.collector = collector;
      this.clock = clock;
      this.priorities = new UserPriorities(
          settings.priorityHalflife(), settings.defaultPrioFactor(), clock.instant());
      this.matcher = settings.autoclusters()
          ? NegotiationCycle.withAutoclusters() : NegotiationCycle.naive();
      this.slotAdapter = ctx.messageAdapter(Collector.SlotAds.class, a -> new SlotsReceived(cycle, a));
      this.slotQuery = Expr.parse("NEGOTIATOR_SLOT_CONSTRAINT",
          "(" + settings.slotConstraint() + ") && State == \"Unclaimed\"");
    }

    Behavior<Command> behavior() {
      return Behaviors.receive(Command.class)
          .onMessage(RegisterSchedd.class, m -> {
            schedds.put(m.name(), m.schedd());
            return Behaviors.same();
          })
          .onMessageEquals(Tick.INSTANCE, this::onTick)
          .onMessage(IdleJobs.class, m -> {
            if (inProgress && m.cycle() == cycle && awaiting.remove(m.schedd())) {
              received.put(m.schedd(), m);
              runIfComplete();
            }
            return Behaviors.same();
          })
          .onMessage(SlotsReceived.class, m -> {
            if (inProgress && m.cycle() == cycle && slots == null) {
              slots = m.ads();
              askSchedds();
              runIfComplete();
            }
            return Behaviors.same();
          })
          .onMessage(CycleTimedOut.class, m -> {
            if (inProgress && m.cycle() == cycle) {
              if (slots == null) {
                inProgress = false;
              } else {
                awaiting.clear();
                runIfComplete();
              }
            }
            return Behaviors.same();
          })
          .onMessage(GetCycleStats.class, m -> {
            m.replyTo().tell(stats());
            return Behaviors.same();
          })
          .build();
    }

    private Behavior<Command> onTick() {
      timers.startSingleTimer(Tick.INSTANCE, settings.interval());
      if (inProgress) {
        ticksSkipped++;
        return Behaviors.same();
      }
      if (schedds.isEmpty()) {
        return Behaviors.same();
      }
      cycle++;
      inProgress = true;
      slots = null;
      received.clear();
      awaiting.clear();
      awaiting.addAll(schedds.keySet());
      collector.tell(new Collector.QuerySlots(slotQuery, slotAdapter));
      timers.startSingleTimer(new CycleTimedOut(cycle), settings.timeout());
      return Behaviors.same();
    }

    /** HTCondor's order: slot ads first, then each schedd, told what the slots make significant. */
    private void askSchedds() {
      List<Collector.SlotEntry> all = slots.slots();
      unclaimedAds = new ArrayList<>(all.size());
      Set<String> significant = new TreeSet<>();
      for (Collector.SlotEntry e : all) {
        unclaimedAds.add(e.ad());
        // Most slots mention no identity attribute; even an empty set's iterator is an object.
        if (!e.jobAttributes().isEmpty()) {
          significant.addAll(e.jobAttributes());
        }
      }
      List<ClassAd> unclaimed = unclaimedAds;
      ActorRef<Command> self = ctx.getSelf();
      for (var e : schedds.entrySet()) {
        if (awaiting.contains(e.getKey())) {
          e.getValue().tell(new GetIdleJobs(cycle, significant, unclaimed.size(), self));
        }
      }
    }

    private void runIfComplete() {
      if (slots == null || !awaiting.isEmpty()) {
        return;
      }
      timers.cancel(new CycleTimedOut(cycle));
      Instant now = clock.instant();
      chargeUsage(now);
      priorities.update(now);
      List<SubmitterQueue> queues = new ArrayList<>();
      for (IdleJobs answer : received.values()) {
        queues.addAll(answer.queues());
      }
      CycleResult result = matcher.run(queues, unclaimedAds, slots.poolSize(), priorities);
      for (Match m : result.matches()) {
        Collector.SlotEntry slot = named(slots.slots(), m.slotName());
        // Counted at once, as HTCondor's AddMatch: the schedds' next answers replace it.
        priorities.addMatch(m.submitter(), now);
        ActorRef<ScheddMessage> schedd = schedds.get(m.schedd());
        if (schedd != null) {
          schedd.tell(new MatchFound(cycle, m.submitter(), m.job(), m.slotName(), slot.ad(), slot.startd()));
        }
      }
      cycles++;
      totalMatches += result.matches().size();
      lastCycle = result.stats();
      inProgress = false;
      slots = null;
      unclaimedAds = null;
      received.clear();
    }

    /** The entry named {@code name} in {@code entries}, which the collector gives in name order. */
    private static Collector.SlotEntry named(List<Collector.SlotEntry> entries, String name) {
      int low = 0;
      int high = entries.size() - 1;
      while (low <= high) {
        int mid = (low + high) >>> 1;
        int c = entries.get(mid).name().compareTo(name);
        if (c == 0) {
          return entries.get(mid);
        } else if (c < 0) {
          low = mid + 1;
        } else {
          high = mid - 1;
        }
      }
      throw new IllegalStateException("matched a slot the cycle was not given: " + name);
    }

    /**
     * Charges every submitter the slot time its schedds counted since their previous answers.
     * A schedd that did not answer this cycle is charged nothing now and all of it at its next
     * answer; its claims count as held meanwhile.
     */
    private void chargeUsage(Instant now) {
      // Per submitter: {slot-seconds since the previous answers, claims held now}.
      TreeMap<String, double[]> bySubmitter = new TreeMap<>();
      for (IdleJobs answer : received.values()) {
        TreeMap<String, Usage> before =
            charged.computeIfAbsent(answer.schedd(), k -> new TreeMap<>());
        for (var e : answer.usage().entrySet()) {
          Usage last = before.put(e.getKey(), e.getValue());
          double total = e.getValue().slotSeconds();
          // A total below the last one is a schedd counting afresh (it restarted): all of it
          // is new.
          double since = last == null || total < last.slotSeconds()
              ? total : total - last.slotSeconds();
          bySubmitter.computeIfAbsent(e.getKey(), k -> new double[2])[0] += since;
        }
      }
      for (TreeMap<String, Usage> schedd : charged.values()) {
        for (var e : schedd.entrySet()) {
          bySubmitter.computeIfAbsent(e.getKey(), k -> new double[2])[1] += e.getValue().claims();
        }
      }
      bySubmitter.forEach((submitter, used) -> priorities.charge(submitter, used[0], used[1], now));
    }

    private NegotiatorStats stats() {
      List<SubmitterPriority> list = new ArrayList<>();
      for (String s : priorities.submitters()) {
        list.add(new SubmitterPriority(s, priorities.realPriority(s), priorities.priorityFactor(s),
            priorities.effectivePriority(s), priorities.resourcesUsed(s)));
      }
      return new NegotiatorStats(cycles, ticksSkipped, totalMatches, Optional.ofNullable(lastCycle), list);
    }
  }
}
