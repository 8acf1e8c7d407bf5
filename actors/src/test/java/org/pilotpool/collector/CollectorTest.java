package org.pilotpool.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;
import org.pilotpool.kernel.ProgressListener;
import org.pilotpool.kernel.Simulation;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.classad.Expr;

class CollectorTest {
  private static final Expr UNCLAIMED = Expr.parse("constraint", "State == \"Unclaimed\"");

  private static ClassAd slot(String name, String state) {
    return new ClassAd().set("Name", name).set("State", state);
  }

  /**
   * Runs {@code script} against a new collector (given the collector and where answers go, which
   * also serves as a startd's reference) and returns the first {@code count} answers.
   */
  private static List<Collector.SlotAds> answers(int count,
      BiConsumer<ActorRef<Collector.Command>, ActorRef<Collector.SlotAds>> script) {
    List<Collector.SlotAds> answers = new ArrayList<>();
    Behavior<Collector.SlotAds> root = Behaviors.setup(ctx -> {
      script.accept(ctx.spawn(Collector.create(), "collector"), ctx.getSelf());
      return Behaviors.receive(Collector.SlotAds.class)
          .onMessage(Collector.SlotAds.class, a -> {
            answers.add(a);
            return answers.size() == count ? Behaviors.stopped() : Behaviors.same();
          })
          .build();
    });
    Simulation.create(ConfigFactory.empty(), Instant.EPOCH)
        .run(root, Duration.ofMinutes(1), ProgressListener.NONE);
    return answers;
  }

  @Test
  void queryAnswersMatchingSlotsWithTheirStartdsAndThePoolSize() {
    Collector.SlotAds a = answers(1, (collector, self) -> {
      collector.tell(new Collector.UpdateSlotAd(slot("slot2@a", "Unclaimed"), Optional.of(self)));
      collector.tell(new Collector.UpdateSlotAd(slot("slot1@a", "Unclaimed")));
      collector.tell(new Collector.UpdateSlotAd(slot("slot3@a", "Claimed")));
      collector.tell(new Collector.UpdateSlotAd(slot("slot1@a", "Claimed")));
      collector.tell(new Collector.InvalidateSlotAd("slot3@a"));
      collector.tell(new Collector.QuerySlots(UNCLAIMED, self));
    }).get(0);
    assertEquals(2, a.poolSize());
    assertEquals(List.of("slot2@a"), a.slots().stream().map(Collector.SlotEntry::name).toList());
    assertEquals(true, a.slots().get(0).startd().isPresent());
  }

  @Test
  void aSlotBackWithItsFormerAdIsListedWithTheStartdItNowNames() {
    ClassAd unclaimed = slot("slot1@a", "Unclaimed");
    List<Collector.SlotAds> answers = answers(4, (collector, self) -> {
      collector.tell(new Collector.UpdateSlotAd(unclaimed, Optional.of(self)));
      collector.tell(new Collector.QuerySlots(UNCLAIMED, self));
      collector.tell(new Collector.UpdateSlotAd(slot("slot1@a", "Claimed")));
      collector.tell(new Collector.UpdateSlotAd(unclaimed));
      collector.tell(new Collector.QuerySlots(UNCLAIMED, self));
      collector.tell(new Collector.InvalidateSlotAd("slot1@a"));
      collector.tell(new Collector.QuerySlots(UNCLAIMED, self));
      collector.tell(new Collector.UpdateSlotAd(unclaimed, Optional.of(self)));
      collector.tell(new Collector.QuerySlots(UNCLAIMED, self));
    });
    assertEquals(List.of(true, false), answers.stream().limit(2)
        .map(a -> a.slots().get(0).startd().isPresent()).toList());
    assertEquals(List.of(), answers.get(2).slots());
    assertEquals(true, answers.get(3).slots().get(0).startd().isPresent());
  }

  @Test
  void anAdSentAgainIsJudgedByTheConstraintAskedNow() {
    ClassAd unclaimed = slot("slot1@a", "Unclaimed");
    ClassAd claimed = slot("slot1@a", "Claimed");
    Expr claimedOnly = Expr.parse("constraint", "State == \"Claimed\"");
    List<Collector.SlotAds> answers = answers(4, (collector, self) -> {
      collector.tell(new Collector.UpdateSlotAd(unclaimed));
      collector.tell(new Collector.QuerySlots(UNCLAIMED, self));
      collector.tell(new Collector.UpdateSlotAd(claimed));
      collector.tell(new Collector.QuerySlots(claimedOnly, self));
      // The same two ad objects again, now under the other constraint.
      collector.tell(new Collector.UpdateSlotAd(unclaimed));
      collector.tell(new Collector.QuerySlots(claimedOnly, self));
      collector.tell(new Collector.UpdateSlotAd(claimed));
      collector.tell(new Collector.QuerySlots(claimedOnly, self));
    });
    assertEquals(List.of(1, 1, 0, 1), answers.stream().map(a -> a.slots().size()).toList());
  }
}
