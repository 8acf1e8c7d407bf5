package org.pilotpool.kernel;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * A small protocol with timers on both sides, written once and run under both clocks: a client
 * pings every 3 units and a server answers each ping after 1 unit, while the server also reports
 * its status every 5 units starting at 5.5. No two events share an instant, so the order is well
 * defined under a wall clock too. Each event is traced with its time in half-units.
 */
final class TwoActorProtocol {
  private TwoActorProtocol() {}

  sealed interface ClientMsg {}

  private enum ClientTick implements ClientMsg { INSTANCE }

  record Pong(int n) implements ClientMsg {}

  sealed interface ServerMsg {}

  record Ping(int n, ActorRef<ClientMsg> replyTo) implements ServerMsg {}

  private record Answer(int n, ActorRef<ClientMsg> replyTo) implements ServerMsg {}

  private enum Status implements ServerMsg { INSTANCE }

  static Behavior<Void> create(Duration unit, int rounds, List<String> trace) {
    return Behaviors.setup(ctx -> {
      InstantSource clock = PoolContext.get(ctx.getSystem()).clock();
      Instant start = clock.instant();
      Tracer tracer = (event) -> {
        long halfUnits = Math.round(Duration.between(start, clock.instant()).toNanos() * 2.0 / unit.toNanos());
        trace.add(event + "@" + halfUnits);
      };
      ActorRef<ServerMsg> server = ctx.spawn(server(unit, tracer), "server");
      ctx.spawn(client(unit, rounds, server, tracer), "client");
      return Behaviors.empty();
    });
  }

  @FunctionalInterface
  interface Tracer {
    void trace(String event);
  }

  private static Behavior<ClientMsg> client(Duration unit, int rounds, ActorRef<ServerMsg> server, Tracer tracer) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      timers.startTimerAtFixedRate(ClientTick.INSTANCE, unit.multipliedBy(3));
      int[] sent = {0};
      return Behaviors.receive(ClientMsg.class)
          .onMessageEquals(ClientTick.INSTANCE, () -> {
            if (sent[0] == rounds) {
              timers.cancelAll();
              return Behaviors.same();
            }
            tracer.trace("ping" + ++sent[0]);
            server.tell(new Ping(sent[0], ctx.getSelf()));
            return Behaviors.same();
          })
          .onMessage(Pong.class, p -> {
            tracer.trace("pong" + p.n());
            return Behaviors.same();
          })
          .build();
    }));
  }

  private static Behavior<ServerMsg> server(Duration unit, Tracer tracer) {
    return Behaviors.withTimers(timers -> {
      timers.startTimerAtFixedRate(Status.INSTANCE, unit.multipliedBy(11).dividedBy(2), unit.multipliedBy(5));
      int[] reports = {0};
      return Behaviors.receive(ServerMsg.class)
          .onMessage(Ping.class, p -> {
            timers.startSingleTimer("answer" + p.n(), new Answer(p.n(), p.replyTo()), unit);
            return Behaviors.same();
          })
          .onMessage(Answer.class, a -> {
            a.replyTo().tell(new Pong(a.n()));
            return Behaviors.same();
          })
          .onMessageEquals(Status.INSTANCE, () -> {
            if (++reports[0] <= 2) {
              tracer.trace("status" + reports[0]);
            }
            return Behaviors.same();
          })
          .build();
    });
  }
}
