package org.pilotpool.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.Test;

class ClockEquivalenceTest {
  // Wide enough that scheduling jitter on a loaded machine (tens of ms) cannot move an event
  // into the neighbouring half-unit.
  private static final Duration UNIT = Duration.ofMillis(400);
  private static final int ROUNDS = 3;

  @Test
  void twoActorProtocolGivesTheSameTraceUnderVirtualAndWallClocks() throws Exception {
    List<String> virtual = new ArrayList<>();
    Simulation.create(ConfigFactory.empty(), Instant.parse("2026-01-01T00:00:00Z"))
        .run(TwoActorProtocol.create(UNIT, ROUNDS, virtual), UNIT.multipliedBy(14), ProgressListener.NONE);

    List<String> wall = Collections.synchronizedList(new ArrayList<>());
    ActorTestKit kit = ActorTestKit.create();
    try {
      kit.spawn(TwoActorProtocol.create(UNIT, ROUNDS, wall));
      Thread.sleep(UNIT.multipliedBy(14).toMillis());
    } finally {
      kit.shutdownTestKit();
    }

    assertEquals(List.of("ping1@6", "pong1@8", "status1@11", "ping2@12", "pong2@14",
        "ping3@18", "pong3@20", "status2@21"), virtual);
    assertEquals(virtual, List.copyOf(wall));
  }
}
