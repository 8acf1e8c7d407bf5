package org.pilotpool.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;

class VirtualTimersTest {
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  private record Fired(String name) {}

  private static List<String> runTimers(List<Object[]> timers) {
    List<String> trace = new ArrayList<>();
    Behavior<Fired> root = Behaviors.setup(ctx -> Behaviors.withTimers(t -> {
      for (Object[] spec : timers) {
        t.startSingleTimer(spec[0], new Fired((String) spec[0]), (Duration) spec[1]);
      }
      var clock = PoolContext.get(ctx.getSystem()).clock();
      return Behaviors.receive(Fired.class)
          .onMessage(Fired.class, f -> {
            trace.add(f.name() + "@" + Duration.between(EPOCH, clock.instant()));
            return Behaviors.same();
          })
          .build();
    }));
    Simulation.create(ConfigFactory.empty(), EPOCH).run(root, Duration.ofDays(1), ProgressListener.NONE);
    return trace;
  }

  @Test
  void timersFireAtExactVirtualInstantsInDueOrder() {
    List<String> trace = runTimers(List.of(
        new Object[] {"c", Duration.ofHours(3)},
        new Object[] {"a", Duration.ofMillis(1)},
        new Object[] {"b", Duration.ofMinutes(90).plusNanos(7)}));
    assertEquals(List.of("a@PT0.001S", "b@PT1H30M0.000000007S", "c@PT3H"), trace);
  }

  @Test
  void timersDueAtTheSameInstantFireInInsertionOrder() {
    List<Object[]> specs = new ArrayList<>();
    for (String n : List.of("z", "m", "a", "q", "b")) {
      specs.add(new Object[] {n, Duration.ofSeconds(60)});
    }
    assertEquals(List.of("z@PT1M", "m@PT1M", "a@PT1M", "q@PT1M", "b@PT1M"), runTimers(specs));
  }
}
