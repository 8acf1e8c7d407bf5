package org.pilotpool.collector;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.classad.Expr;
import org.pilotpool.model.negotiation.AutoclusterSignature;
import org.pilotpool.model.negotiation.CollectorState;

/**
 * The pool's collector for slot ads: startds advertise on change and pilots that leave invalidate
 * their slots; the negotiator (or a status query) asks for the slots satisfying a constraint. The
 * decisions live in {@link CollectorState}; this behaviour only keeps, next to each ad, the
 * reference of the startd that sent it, so that a match can name whom to claim.
 */
public final class Collector {
  private Collector() {}

  /** What the collector hears. */
  public sealed interface Command permits UpdateSlotAd, InvalidateSlotAd, QuerySlots {}

  /**
   * A slot's ad is new or changed (state, claim, resources). The ad must carry a string
   * {@code Name}; the sender must not modify it afterwards.
   *
   * @param name the ad's {@code Name}: a startd knows its own, which spares the collector a
   *     lookup in every ad it hears; the other constructors read it from the ad
   * @param startd whom to contact to claim the slot; its message type belongs to the startd
   */
  public record UpdateSlotAd(String name, ClassAd ad, Optional<ActorRef<?>> startd)
      implements Command {
    public UpdateSlotAd(ClassAd ad, Optional<ActorRef<?>> startd) {
      this(CollectorState.nameOf(ad), ad, startd);
    }

    public UpdateSlotAd(ClassAd ad) {
      this(ad, Optional.empty());
    }
  }

  /** The slot is gone (its pilot left). Unknown names are ignored. */
  public record InvalidateSlotAd(String name) implements Command {}

  /** Asks for the slots whose ad satisfies {@code constraint} (MY = the slot ad). */
  public record QuerySlots(Expr constraint, ActorRef<SlotAds> replyTo) implements Command {}

  /**
   * The answer to {@link QuerySlots}.
   *
   * @param slots the matching slots, by name
   * @param poolSize all slots the collector knows, matching or not
   */
  public record SlotAds(List<SlotEntry> slots, int poolSize) {
    public SlotAds {
      slots = List.copyOf(slots);
    }
  }

  /**
   * One slot: its name, its ad, when it advertised one its startd, and the job identity attributes
   * (lower case) its ad mentions, which the negotiator's autoclusters must tell apart. Those are
   * worked out once, when the entry is made, rather than by the negotiator in every cycle.
   */
  public record SlotEntry(String name, ClassAd ad, Optional<ActorRef<?>> startd,
      Set<String> jobAttributes) {
    public SlotEntry {
      jobAttributes = Set.copyOf(jobAttributes);
    }

    public SlotEntry(String name, ClassAd ad, Optional<ActorRef<?>> startd) {
      this(name, ad, startd, AutoclusterSignature.significantIdentity(List.of(ad)));
    }
  }

  public static Behavior<Command> create() {
    return Behaviors.setup(ctx -> {
      CollectorState state = new CollectorState();
      // Only looked up, never iterated.
      Map<String, ActorRef<?>> startds = new HashMap<>();
      Matching matching = new Matching();
      return Behaviors.receive(Command.class)
          .onMessage(UpdateSlotAd.class, m -> {
            String name = m.name();
            state.update(name, m.ad());
            if (m.startd().isPresent()) {
              startds.put(name, m.startd().get());
            } else {
              startds.remove(name);
            }
            matching.updated(name, m.ad(), m.startd());
            return Behaviors.same();
          })
          .onMessage(InvalidateSlotAd.class, m -> {
            state.invalidate(m.name());
            startds.remove(m.name());
            matching.invalidated(m.name());
            return Behaviors.same();
          })
          .onMessage(QuerySlots.class, m -> {
            m.replyTo().tell(new SlotAds(matching.query(m.constraint(), state, startds),
                state.size()));
            return Behaviors.same();
          })
          .build();
    });
  }

  /**
   * The slots that satisfy the constraint last asked with, in name order as the table keeps
   * them, brought up to date on every update: the negotiator asks with the same constraint every
   * cycle, and between two cycles only a few slots change. The answer is kept until one does, so
   * the cycles of a quiet pool, however large, hand out the same list.
   */
  private static final class Matching {
    private Expr constraint;
    private final TreeMap<String, SlotEntry> entries = new TreeMap<>();
    /** What each slot advertised, kept while it is in the pool. Only looked up. */
    private final Map<String, SlotMemo> memos = new HashMap<>();
    private List<SlotEntry> answer;

    void updated(String name, ClassAd ad, Optional<ActorRef<?>> startd) {
      if (constraint == null) {
        return;
      }
      SlotMemo memo = memo(name);
      if (memo.satisfies(ad, constraint)) {
        entries.put(name, memo.entry(name, ad, startd));
        answer = null;
      } else {
        removed(name);
      }
    }

    void removed(String name) {
      if (entries.remove(name) != null) {
        answer = null;
      }
    }

    private SlotMemo memo(String name) {
      return memos.computeIfAbsent(name, n -> new SlotMemo());
    }

    void invalidated(String name) {
      removed(name);
      memos.remove(name);
    }

    List<SlotEntry> query(Expr asked, CollectorState state, Map<String, ActorRef<?>> startds) {
      if (asked != constraint) {
        constraint = asked;
        entries.clear();
        answer = null;
        for (Map.Entry<String, ClassAd> e : state.queryNamed(asked)) {
          entries.put(e.getKey(), memo(e.getKey())
              .entry(e.getKey(), e.getValue(), Optional.ofNullable(startds.get(e.getKey()))));
        }
      }
      if (answer == null) {
        answer = List.copyOf(entries.values());
      }
      return answer;
    }
  }

  /**
   * What the collector remembers of one slot's ads. A startd advertises the same ad object each
   * time it comes back to the same state, and an ad is never changed once sent, so the verdict of
   * the constraint on it, and the entry made for it (with the job attributes worked out for it),
   * serve again.
   */
  private static final class SlotMemo {
    // A startd has one ad per state, activity and life stage: eight cover what it cycles through.
    private final ClassAd[] ads = new ClassAd[8];
    private final boolean[] satisfied = new boolean[8];
    private int next;
    private Expr verdictsFor;
    private SlotEntry entry;

    boolean satisfies(ClassAd ad, Expr constraint) {
      if (constraint != verdictsFor) {
        Arrays.fill(ads, null);
        verdictsFor = constraint;
      }
      for (int i = 0; i < ads.length; i++) {
        if (ads[i] == ad) {
          return satisfied[i];
        }
      }
      boolean verdict = CollectorState.satisfies(ad, constraint);
      ads[next] = ad;
      satisfied[next] = verdict;
      next = (next + 1) % ads.length;
      return verdict;
    }

    SlotEntry entry(String name, ClassAd ad, Optional<ActorRef<?>> startd) {
      if (entry == null || entry.ad() != ad || !entry.startd().equals(startd)) {
        entry = new SlotEntry(name, ad, startd);
      }
      return entry;
    }
  }
}
