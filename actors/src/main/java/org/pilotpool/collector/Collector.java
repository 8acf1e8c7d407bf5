package org.pilotpool.collector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.classad.Expr;
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
   * @param startd whom to contact to claim the slot; its message type belongs to the startd
   */
  public record UpdateSlotAd(ClassAd ad, Optional<ActorRef<?>> startd) implements Command {
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

  /** One slot: its name, its ad and, when it advertised one, its startd. */
  public record SlotEntry(String name, ClassAd ad, Optional<ActorRef<?>> startd) {}

  public static Behavior<Command> create() {
    return Behaviors.setup(ctx -> {
      CollectorState state = new CollectorState();
      // Only looked up, never iterated.
      Map<String, ActorRef<?>> startds = new HashMap<>();
      // The answer's entries, made once per advertised ad rather than once per query. Only
      // looked up, never iterated.
      Map<String, SlotEntry> entries = new HashMap<>();
      return Behaviors.receive(Command.class)
          .onMessage(UpdateSlotAd.class, m -> {
            state.update(m.ad());
            String name = CollectorState.nameOf(m.ad());
            entries.remove(name);
            if (m.startd().isPresent()) {
              startds.put(name, m.startd().get());
            } else {
              startds.remove(name);
            }
            return Behaviors.same();
          })
          .onMessage(InvalidateSlotAd.class, m -> {
            state.invalidate(m.name());
            startds.remove(m.name());
            entries.remove(m.name());
            return Behaviors.same();
          })
          .onMessage(QuerySlots.class, m -> {
            List<SlotEntry> out = new ArrayList<>();
            for (Map.Entry<String, ClassAd> e : state.queryNamed(m.constraint())) {
              out.add(entries.computeIfAbsent(e.getKey(), name -> new SlotEntry(name, e.getValue(),
                  Optional.ofNullable(startds.get(name)))));
            }
            m.replyTo().tell(new SlotAds(out, state.size()));
            return Behaviors.same();
          })
          .build();
    });
  }
}
