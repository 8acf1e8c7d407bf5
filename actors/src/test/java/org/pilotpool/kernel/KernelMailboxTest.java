package org.pilotpool.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pekko.actor.AllDeadLetters;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.eventstream.EventStream;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;

class KernelMailboxTest {
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void aBurstOfMessagesIsReceivedInSendOrder() {
    List<Integer> received = new ArrayList<>();
    Behavior<Integer> sink = Behaviors.receive(Integer.class)
        .onMessage(Integer.class, n -> {
          received.add(n);
          return Behaviors.same();
        })
        .build();
    Behavior<Void> root = Behaviors.setup(ctx -> {
      ActorRef<Integer> ref = ctx.spawn(sink, "sink");
      // More than a dispatcher's throughput, so the mailbox holds a backlog across several runs.
      IntStream.range(0, 100).forEach(ref::tell);
      return Behaviors.empty();
    });

    Simulation.create(ConfigFactory.empty(), EPOCH).run(root, Duration.ofHours(1), ProgressListener.NONE);

    assertEquals(IntStream.range(0, 100).boxed().toList(), received);
  }

  @Test
  void messagesLeftWhenAnActorStopsGoToDeadLetters() {
    List<String> dead = new ArrayList<>();
    Behavior<AllDeadLetters> listener = Behaviors.receive(AllDeadLetters.class)
        .onAnyMessage(d -> {
          dead.add(String.valueOf(d.message()));
          return Behaviors.same();
        })
        .build();
    Behavior<String> stopper = Behaviors.receive(String.class).onAnyMessage(m -> Behaviors.stopped()).build();
    Behavior<String> root = Behaviors.setup(ctx -> {
      ctx.getSystem().eventStream().tell(new EventStream.Subscribe<>(
          AllDeadLetters.class, ctx.spawn(listener, "dead-letters")));
      // Send once the subscription has surely been handled: a virtual second later.
      ctx.scheduleOnce(Duration.ofSeconds(1), ctx.getSelf(), "go");
      return Behaviors.receive(String.class)
          .onMessageEquals("go", () -> {
            ActorRef<String> ref = ctx.spawn(stopper, "stopper");
            ref.tell("stop");
            ref.tell("left-1");
            ref.tell("left-2");
            return Behaviors.same();
          })
          .build();
    });

    Simulation.create(ConfigFactory.empty(), EPOCH).run(root, Duration.ofHours(1), ProgressListener.NONE);

    assertEquals(List.of("left-1", "left-2"), dead);
  }
}
