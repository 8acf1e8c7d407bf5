package org.pilotpool.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.pilotpool.collector.Collector;
import org.pilotpool.factory.DemandQuery;
import org.pilotpool.factory.DemandReport;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.classad.Expr;
import org.pilotpool.schedd.IdleJobs;
import org.pilotpool.schedd.Schedd;

/**
 * Answers the factory's {@link DemandQuery}: it asks the schedd for its idle jobs
 * ({@link Schedd.GetIdleJobs}) and the collector for its unclaimed slots, and replies with
 * {@link DemandCount#count}. Queries that arrive while one is being answered share its answer.
 */
final class PilotDemand {
  private PilotDemand() {}

  private record IdleAnswered(IdleJobs jobs) {}

  private record SlotsAnswered(Collector.SlotAds slots) {}

  private static final Expr UNCLAIMED = Expr.parse("constraint", "State == \"Unclaimed\"");

  /** @param siteAds per glidein site, the slot ad standing for it ({@link DemandCount#siteAd}) */
  static Behavior<DemandQuery> create(Map<String, ClassAd> siteAds,
      ActorRef<Schedd.Command> schedd, ActorRef<Collector.Command> collector) {
    Map<String, ClassAd> ads = new TreeMap<>(siteAds);
    return Behaviors.<Object>setup(ctx -> {
      ActorRef<IdleJobs> idleReplies = ctx.messageAdapter(IdleJobs.class, IdleAnswered::new);
      ActorRef<Collector.SlotAds> slotReplies =
          ctx.messageAdapter(Collector.SlotAds.class, SlotsAnswered::new);
      Round round = new Round(ads);
      return Behaviors.receive(Object.class)
          .onMessage(DemandQuery.class, q -> {
            if (round.waiting.isEmpty()) {
              schedd.tell(new Schedd.GetIdleJobs(idleReplies));
              collector.tell(new Collector.QuerySlots(UNCLAIMED, slotReplies));
            }
            round.waiting.add(q.replyTo());
            return Behaviors.same();
          })
          .onMessage(IdleAnswered.class, a -> {
            round.idle = a.jobs();
            round.replyIfComplete();
            return Behaviors.same();
          })
          .onMessage(SlotsAnswered.class, a -> {
            round.slots = a.slots();
            round.replyIfComplete();
            return Behaviors.same();
          })
          .build();
    }).narrow();
  }

  /** One round of questions to schedd and collector, and who waits for its answer. */
  private static final class Round {
    private final Map<String, ClassAd> ads;
    private final List<ActorRef<DemandReport>> waiting = new ArrayList<>();
    private IdleJobs idle;
    private Collector.SlotAds slots;

    Round(Map<String, ClassAd> ads) {
      this.ads = ads;
    }

    void replyIfComplete() {
      if (idle == null || slots == null) {
        return;
      }
      DemandReport report = DemandCount.count(ads, idle, slots.slots());
      waiting.forEach(w -> w.tell(report));
      waiting.clear();
      idle = null;
      slots = null;
    }
  }
}
